package io.rectify;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape of the code: data flows one way, ledger → progress → document → render, and the jobs and the
 * command line sit on top. The renderer knows nothing of the database; the aggregation nothing of PDF. Only the
 * classes listed in {@link #onlyTheOwnersOfTablesUseJdbc} run SQL; which table each writes is {@link TableOwnersTest}.
 */
@AnalyzeClasses(packages = "io.rectify", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule renderKnowsOnlyTheDocumentModel = noClasses().that().resideInAPackage("..render..")
            .should().dependOnClassesThat().resideInAnyPackage("..ledger..", "..progress..", "..archive..", "..jobs..",
                    "..cli..", "..system..", "org.springframework..", "java.sql..");

    @ArchTest
    static final ArchRule documentDoesNotRenderOrStore = noClasses().that().resideInAPackage("..document..")
            .should().dependOnClassesThat().resideInAnyPackage("..render..", "..archive..", "..jobs..", "..cli..",
                    "com.lowagie..", "org.apache.pdfbox..", "java.sql..");

    @ArchTest
    static final ArchRule progressKnowsNothingOfDocuments = noClasses().that().resideInAPackage("..progress..")
            .should().dependOnClassesThat().resideInAnyPackage("..document..", "..render..", "..archive..", "..jobs..",
                    "..cli..", "com.lowagie..", "org.apache.pdfbox..", "freemarker..");

    @ArchTest
    static final ArchRule ledgerIsTheBottom = noClasses().that().resideInAPackage("..ledger..")
            .should().dependOnClassesThat().resideInAnyPackage("..progress..", "..document..", "..render..",
                    "..archive..", "..jobs..", "..cli..");

    @ArchTest
    static final ArchRule archiveStoresBytesOnly = noClasses().that().resideInAPackage("..archive..")
            .should().dependOnClassesThat().resideInAnyPackage("..document..", "..render..", "..jobs..", "..cli..",
                    "..progress..");

    @ArchTest
    static final ArchRule nothingUsesTheCommandLine = noClasses().that().resideOutsideOfPackage("..cli..")
            .should().dependOnClassesThat().resideInAPackage("..cli..");

    /** The application services of the documents know nothing of Spring Batch: the jobs wire them in. */
    @ArchTest
    static final ArchRule servicesDoNotKnowTheJobs = noClasses().that().resideInAnyPackage("..bulletins..", "..briefs..")
            .should().dependOnClassesThat().resideInAnyPackage("..jobs..", "..cli..", "..portal..", "org.springframework.batch..");

    @ArchTest
    static final ArchRule jobsDoNotReachUp = noClasses().that().resideInAPackage("..jobs..")
            .should().dependOnClassesThat().resideInAnyPackage("..cli..");

    /** Which package may use which; a package not named may not be used. */
    @ArchTest
    static final ArchRule everyPackageUsesOnlyWhatItMay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("ledger").definedBy("io.rectify.ledger..")
            .layer("progress").definedBy("io.rectify.progress..")
            .layer("document").definedBy("io.rectify.document..")
            .layer("render").definedBy("io.rectify.render..")
            .layer("archive").definedBy("io.rectify.archive..")
            .layer("delivery").definedBy("io.rectify.delivery..")
            .layer("accounts").definedBy("io.rectify.accounts..")
            .layer("bulletins").definedBy("io.rectify.bulletins..")
            .layer("briefs").definedBy("io.rectify.briefs..")
            .layer("reminders").definedBy("io.rectify.reminders..")
            .layer("jobs").definedBy("io.rectify.jobs..")
            .layer("system").definedBy("io.rectify.system..")
            .layer("portal").definedBy("io.rectify.portal..")
            .layer("cli").definedBy("io.rectify.cli..")
            .layer("application").definedBy("io.rectify")
            .whereLayer("ledger").mayNotAccessAnyLayer()
            .whereLayer("progress").mayOnlyAccessLayers("ledger")
            .whereLayer("document").mayOnlyAccessLayers("progress", "ledger")
            .whereLayer("render").mayOnlyAccessLayers("document")
            .whereLayer("archive").mayNotAccessAnyLayer()
            .whereLayer("delivery").mayOnlyAccessLayers("ledger")
            .whereLayer("accounts").mayOnlyAccessLayers("archive", "ledger")
            .whereLayer("bulletins").mayOnlyAccessLayers("ledger", "progress", "document", "render", "archive")
            .whereLayer("briefs").mayOnlyAccessLayers("ledger", "progress", "document", "render", "archive", "delivery")
            .whereLayer("reminders").mayOnlyAccessLayers("ledger", "progress", "delivery")
            .whereLayer("jobs").mayOnlyAccessLayers("ledger", "progress", "document", "render", "archive", "delivery",
                    "bulletins", "briefs")
            .whereLayer("system").mayOnlyAccessLayers("ledger", "progress", "document", "render", "archive", "delivery",
                    "accounts", "bulletins", "briefs", "reminders", "jobs")
            .whereLayer("portal").mayOnlyAccessLayers("ledger", "progress", "document", "archive", "delivery", "accounts",
                    "bulletins", "briefs", "reminders", "jobs", "system")
            .whereLayer("cli").mayOnlyAccessLayers("ledger", "progress", "document", "render", "archive", "delivery",
                    "accounts", "bulletins", "briefs", "reminders", "jobs", "system", "application")
            .whereLayer("application").mayNotAccessAnyLayer();

    @ArchTest
    static final ArchRule noCycles = slices().matching("io.rectify.(*)..").should().beFreeOfCycles();

    /**
     * One owner per table: the repositories of each package, and the job wiring that hands the data source to Spring
     * Integration's message store.
     */
    static final Set<String> TABLE_OWNERS = Set.of(
            // the ledger's tables
            "io.rectify.ledger.LedgerWriter", "io.rectify.ledger.RoundRepository", "io.rectify.ledger.importer.ImportStore",
            "io.rectify.ledger.RoundTexts", "io.rectify.ledger.MeasureTerms", "io.rectify.ledger.UnitContacts",
            "io.rectify.ledger.Extensions", "io.rectify.ledger.Closures", "io.rectify.ledger.UnitReports",
            "io.rectify.progress.SnapshotReader",
            // round_change: what a document was made from
            "io.rectify.ledger.RoundChanges",
            // generated_document, document_finding
            "io.rectify.archive.DocumentArchive",
            // publication (who approved which draft as which version)
            "io.rectify.archive.Publications",
            // reminder_digest, reminder
            "io.rectify.reminders.ReminderStore",
            // delivery, recipient
            "io.rectify.delivery.DeliveryStore", "io.rectify.delivery.DeliveryHistory",
            "io.rectify.delivery.RecipientRepository",
            // app_user, user_round, download_log
            "io.rectify.accounts.PortalAccounts", "io.rectify.accounts.DownloadLog",
            // Spring Integration's queue of the remote partitions
            "io.rectify.jobs.RemotePartitioningConfig",
            // run_lock: one run per job, held by a live database session
            "io.rectify.jobs.RunLock",
            // ledger_upload: the ledgers uploaded on the web page
            "io.rectify.portal.UploadRecords",
            // a lazy command's context reaches the database (and its migrations) before the command runs
            "io.rectify.cli.CommandContext",
            // wiring: hands the JdbcClient to DocumentArchive
            "io.rectify.system.RectifyConfiguration");

    @ArchTest
    static final ArchRule onlyTheOwnersOfTablesUseJdbc = noClasses()
            .that(not(DescribedPredicate.describe("an owner of tables",
                    (JavaClass c) -> TABLE_OWNERS.contains(c.getName().replaceAll("\\$.*", "")))))
            .should().dependOnClassesThat()
            .belongToAnyOf(JdbcClient.class, JdbcTemplate.class, NamedParameterJdbcTemplate.class, DataSource.class);
}
