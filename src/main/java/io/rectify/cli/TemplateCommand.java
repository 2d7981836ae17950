package io.rectify.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.rectify.ledger.importer.LedgerWorkbooks;

/** {@code template FILE.xlsx [--force]}: an empty ledger workbook to fill in. */
@Command(name = "template")
class TemplateCommand implements Cli.Command {

    @Parameters(arity = "0..*")
    List<String> positional = new ArrayList<>();

    @Option(names = "--force")
    boolean force;

    Path file;

    @Override
    public String usage() {
        return """
                Usage: java -jar target/rectify.jar template FILE.xlsx [--force]

                Writes an empty ledger workbook to fill in with Excel: the sheets 轮次 (the round's facts, its
                通报样式 and 标题), 台账 (one row per measure, with drop-down lists for 措施类型 and 完成情况),
                工作情况, 领导 and 文稿 (the bulletin's texts, with their 层级), and a sheet 填写说明 that explains
                every column. Each style's example workbook is templates/styles/*/example.xlsx.
                Import it with 'rectify import FILE.xlsx'.
                An existing file is not overwritten unless --force is given.""";
    }

    @Override
    public void check(List<String> springArgs) {
        file = ExportCommand.target("template", positional);
        if (Files.exists(file) && !force) {
            throw new UsageException("template: " + file
                    + " exists; choose another name or add --force to overwrite it");
        }
    }

    @Override
    public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) throws Exception {
        LedgerWorkbooks.writeTemplate(file);
        out.println(file);
        return Cli.OK;
    }
}
