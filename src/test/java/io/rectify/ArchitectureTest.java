package io.rectify;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape of the code: data flows one way, ledger → progress → document → render, and the jobs and the
 * command line sit on top. The renderer knows nothing of the database; the aggregation nothing of PDF.
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

    @ArchTest
    static final ArchRule jobsDoNotReachUp = noClasses().that().resideInAPackage("..jobs..")
            .should().dependOnClassesThat().resideInAnyPackage("..cli..");
}
