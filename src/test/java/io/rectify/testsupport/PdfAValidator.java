package io.rectify.testsupport;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** veraPDF, the reference PDF/A validator, run in this JVM on a file's bytes. */
public final class PdfAValidator {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfAValidator() {}

    /**
     * The rules of {@code flavour} ("2b", "2u", …) that the file breaks, one line each ("6.2.11.4.2-2: message
     * (n times)"); empty when the file is compliant.
     */
    public static List<String> failures(byte[] pdf, String flavour) {
        PDFAFlavour f = PDFAFlavour.fromString(flavour);
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), f);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(f, false)) {
            ValidationResult result = validator.validate(parser);
            if (result.isCompliant()) return List.of();
            List<String> failed = result.getFailedChecks().entrySet().stream()
                    .map(e -> e.getKey().getClause() + "-" + e.getKey().getTestNumber() + ": "
                            + message(result, e.getKey().getClause(), e.getKey().getTestNumber())
                            + " (" + e.getValue() + " times)")
                    .sorted().toList();
            return failed.isEmpty() ? List.of("not compliant: " + result.getJobEndStatus()) : failed;
        } catch (Exception e) {
            throw new IllegalStateException("veraPDF could not validate the file", e);
        }
    }

    /**
     * The same file claiming conformance level U instead of B in its XMP metadata (same length, so no offset
     * moves): the 2u profile checks the claim as well as the Unicode mappings.
     */
    public static byte[] claimingLevelU(byte[] pdf) {
        byte[] claim = "<pdfaid:conformance>B<".getBytes(StandardCharsets.US_ASCII);
        byte[] copy = pdf.clone();
        outer:
        for (int i = 0; i + claim.length <= copy.length; i++) {
            for (int j = 0; j < claim.length; j++) {
                if (copy[i + j] != claim[j]) continue outer;
            }
            copy[i + claim.length - 2] = 'U';
            return copy;
        }
        throw new IllegalArgumentException("the file claims no PDF/A level B");
    }

    private static String message(ValidationResult result, String clause, int test) {
        return result.getTestAssertions().stream()
                .filter(a -> a.getStatus() == TestAssertion.Status.FAILED && a.getRuleId().getClause().equals(clause)
                        && a.getRuleId().getTestNumber() == test)
                .map(TestAssertion::getMessage).findFirst().orElse("");
    }
}
