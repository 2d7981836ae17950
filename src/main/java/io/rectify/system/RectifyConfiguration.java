package io.rectify.system;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import io.rectify.archive.DocumentArchive;
import io.rectify.archive.Publications;
import io.rectify.document.BulletinComposer;
import io.rectify.document.Figures;
import io.rectify.document.TemplateEngine;
import io.rectify.bulletins.BulletinMaker;
import io.rectify.progress.ProgressAggregator;
import io.rectify.progress.SnapshotReader;
import io.rectify.render.DocumentRenderer;
import io.rectify.render.word.WordWriter;
import io.rectify.render.LazyRenderer;
import io.rectify.render.OfficialFormatRenderer;
import io.rectify.render.RenderFingerprint;

/** The parts that are plain Java (no Spring inside), wired together with the folders from configuration. */
@Configuration
@EnableConfigurationProperties(RenderSettings.class)
public class RectifyConfiguration {

    /** Today's date and the time of day for everything that records or decides by them; tests may fix it. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    TemplateEngine documentTemplateEngine(FolderProperties folders) {
        return new TemplateEngine(folders.templatesDir());
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
    DocumentRenderer documentRenderer(RenderSettings settings) {
        return new LazyRenderer(() -> new OfficialFormatRenderer(settings.pdfa(), settings.fontCompression()));
    }

    /** What besides a document decides its bytes; in the jar, the version is the manifest's. */
    @Bean
    RenderFingerprint renderFingerprint(RenderSettings settings) {
        return RenderFingerprint.of(RectifyConfiguration.class.getPackage().getImplementationVersion(),
                settings.describe());
    }

    @Bean
    WordWriter wordWriter() {
        return new WordWriter();
    }

    @Bean
    DocumentArchive documentArchive(JdbcClient jdbc, FolderProperties folders, Clock clock) {
        return new DocumentArchive(jdbc, folders.outputDir(), clock);
    }

    @Bean
    Publications publications(JdbcClient jdbc, DocumentArchive archive, PlatformTransactionManager transactions,
                              Clock clock,
                              @org.springframework.beans.factory.annotation.Value(
                                      "${rectify.publish.drill-halt-after-link:false}")
                              boolean haltAfterLink) {
        Publications publications = new Publications(jdbc, archive, transactions, clock);
        // drills and tests only: the process dies as a kill -9 would, between a version's files and its record
        if (haltAfterLink) publications.afterLinkForTests(() -> Runtime.getRuntime().halt(137));
        return publications;
    }

    @Bean
    BulletinMaker bulletinMaker(SnapshotReader snapshots, ProgressAggregator aggregator, BulletinComposer composer,
                                DocumentRenderer renderer, WordWriter word, DocumentArchive archive,
                                io.rectify.ledger.RoundChanges changes, RenderFingerprint fingerprint) {
        return new BulletinMaker(snapshots, aggregator, composer, renderer, word, archive, changes, fingerprint);
    }
}
