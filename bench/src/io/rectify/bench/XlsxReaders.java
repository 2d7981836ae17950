package io.rectify.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import io.rectify.ledger.importer.XlsxSource;

/**
 * Reads the 台账 sheet of a workbook with the importer's streaming reader (XlsxSource: SAX over POI's package,
 * capped shared strings, typed cells) and with POI's own streaming reader (XSSFSheetXMLHandler over a
 * ReadOnlySharedStringsTable, formatted values), alternating, and prints the median wall and CPU ms of each.
 * Usage: java -cp CLASSPATH XlsxReaders.java FILE [RUNS]
 */
public class XlsxReaders {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<double[]> own = new ArrayList<>();
        List<double[]> poi = new ArrayList<>();
        for (int i = 0; i < runs + 2; i++) { // two warm-up rounds
            double[] a = time(cpu, () -> ownReader(file));
            double[] b = time(cpu, () -> poiReader(file));
            if (i >= 2) { own.add(a); poi.add(b); }
        }
        print("XlsxSource (ours)", own);
        print("POI XSSFSheetXMLHandler", poi);
    }

    interface Run { long run() throws Exception; }

    static long cells;

    static double[] time(ThreadMXBean cpu, Run r) throws Exception {
        long w = System.nanoTime();
        long c = cpu.getCurrentThreadCpuTime();
        cells = r.run();
        return new double[] {(System.nanoTime() - w) / 1e6, (cpu.getCurrentThreadCpuTime() - c) / 1e6};
    }

    static void print(String name, List<double[]> t) {
        double[] wall = t.stream().mapToDouble(x -> x[0]).sorted().toArray();
        double[] c = t.stream().mapToDouble(x -> x[1]).sorted().toArray();
        System.out.printf("[xlsx] %-26s %8.0f ms wall %8.0f ms CPU (median of %d; %d cells)%n", name,
                wall[wall.length / 2], c[c.length / 2], wall.length, cells);
    }

    static long ownReader(Path file) {
        long[] n = {0};
        try (XlsxSource s = XlsxSource.open(file)) {
            s.read("台账", row -> { n[0] += row.cells().size(); return true; });
        }
        return n[0];
    }

    static long poiReader(Path file) throws Exception {
        long[] n = {0};
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    if (!it.getSheetName().equals("台账")) continue;
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                            new XSSFSheetXMLHandler.SheetContentsHandler() {
                                List<String> row;
                                public void startRow(int r) { row = new ArrayList<>(); }
                                public void endRow(int r) { n[0] += row.size(); }
                                public void cell(String ref, String value, XSSFComment c) { row.add(value); }
                            }, new DataFormatter(), false));
                    xml.parse(new InputSource(in));
                }
            }
            pkg.revert();
        }
        return n[0];
    }
}
