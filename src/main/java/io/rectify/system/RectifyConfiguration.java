package io.rectify.system;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import io.rectify.archive.DocumentArchive;
import io.rectify.archive.Publications;
import io.rectify.document.BulletinComposer;
import io.rectify.document.Figures;
import io.rectify.document.TemplateEngine;
import io.rectify.jobs.BulletinMaker;
import io.rectify.progress.ProgressAggregator;
import io.rectify.progress.SnapshotReader;
import io.rectify.render.DocumentRenderer;
import io.rectify.render.OfficialFormatRenderer;

/** The parts that are plain Java (no Spring inside), wired together with the folders from configuration. */
@Configuration
public class RectifyConfiguration {

    @Bean
    TemplateEngine documentTemplateEngine(@Value("${rectify.templates-dir}") Path templatesDir) {
        return new TemplateEngine(templatesDir);
    }

    @Bean
    BulletinComposer bulletinComposer(TemplateEngine templates) {
        return new BulletinComposer(templates);
    }

    @Bean
    Figures figures(SnapshotReader snapshots, ProgressAggregator aggregator) {
        return new Figures(snapshots, aggregator);
    }

    @Bean
    DocumentRenderer documentRenderer() {
        return new OfficialFormatRenderer();
    }

    @Bean
    DocumentArchive documentArchive(JdbcClient jdbc, @Value("${rectify.output-dir}") Path outputDir) {
        return new DocumentArchive(jdbc, outputDir);
    }

    @Bean
    Publications publications(JdbcClient jdbc, DocumentArchive archive, PlatformTransactionManager transactions) {
        return new Publications(jdbc, archive, transactions);
    }

    @Bean
    BulletinMaker bulletinMaker(SnapshotReader snapshots, ProgressAggregator aggregator, BulletinComposer composer,
                                DocumentRenderer renderer, DocumentArchive archive) {
        return new BulletinMaker(snapshots, aggregator, composer, renderer, archive);
    }
}
