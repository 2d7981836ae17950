package io.rectify.document;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import freemarker.cache.AndMatcher;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileExtensionMatcher;
import freemarker.cache.NotMatcher;
import freemarker.cache.PathGlobMatcher;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/**
 * The documents' wording: FreeMarker templates read from the {@code templates/} folder (so they can be
 * edited without recompiling), falling back to the copy built into the jar. Templates are compiled once
 * and cached. The configuration is a sandbox: the data model holds only maps, lists, strings, numbers and
 * booleans, {@code ?new} and {@code ?api} are off, so a template cannot reach Java classes, a template that uses
 * {@code ?eval} is refused, and {@code <#include>} reads only inside the templates folder (FreeMarker's own rule). The
 * document templates ({@code *.ftl} outside {@code mail/}) escape every interpolation for {@link DocumentMarkup}.
 */
public class TemplateEngine {

    private final Configuration config;

    public TemplateEngine(Path templatesDir) {
        config = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (templatesDir != null && Files.isDirectory(templatesDir)) {
            try {
                loaders.add(new FileTemplateLoader(new File(templatesDir.toString())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read templates from " + templatesDir, e);
            }
        }
        loaders.add(new ClassTemplateLoader(TemplateEngine.class, "/rectify-templates"));
        config.setTemplateLoader(new NoEval(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new))));
        config.setDefaultEncoding("UTF-8");
        config.setLocale(Locale.SIMPLIFIED_CHINESE);
        config.setNumberFormat("computer");
        config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        config.setAPIBuiltinEnabled(false);
        config.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        TemplateConfiguration lines = new TemplateConfiguration();
        lines.setOutputFormat(LineMarkupFormat.INSTANCE);
        config.setTemplateConfigurations(new ConditionalTemplateConfigurationFactory(
                new AndMatcher(new FileExtensionMatcher("ftl"), new NotMatcher(new PathGlobMatcher("mail/**"))),
                lines));
        config.setWrapUncheckedExceptions(true);
    }

    /** Fills the named template with the model; a template error names the template, line and expression. */
    public String fill(String templateName, Map<String, Object> model) {
        try {
            StringWriter out = new StringWriter();
            config.getTemplate(templateName).process(model, out);
            return out.toString();
        } catch (TemplateException e) {
            throw new TemplateFailure("template " + templateName + " failed: " + e.getMessageWithoutStackTop(), e);
        } catch (IOException e) {
            throw new TemplateFailure("cannot read template " + templateName + ": " + e.getMessage(), e);
        } catch (SecurityException e) { // FreeMarker's refusal of a file outside the templates folder (a link)
            throw new TemplateFailure("template " + templateName + " reads a file outside the templates folder", e);
        }
    }

    /** A template that could not be read or filled. */
    public static class TemplateFailure extends RuntimeException {
        public TemplateFailure(String message, Throwable cause) { super(message, cause); }
    }

    /**
     * Refuses a template that evaluates text as an expression ({@code ?eval}): wording must not turn data into code.
     */
    private static final class NoEval implements TemplateLoader {
        private static final Pattern EVAL = Pattern.compile("\\?\\s*eval\\b");
        private final TemplateLoader loader;

        NoEval(TemplateLoader loader) { this.loader = loader; }

        @Override
        public Object findTemplateSource(String name) throws IOException { return loader.findTemplateSource(name); }

        @Override
        public long getLastModified(Object source) { return loader.getLastModified(source); }

        @Override
        public Reader getReader(Object source, String encoding) throws IOException {
            String text;
            try (Reader in = loader.getReader(source, encoding)) {
                StringWriter all = new StringWriter();
                in.transferTo(all);
                text = all.toString();
            }
            if (EVAL.matcher(text).find()) throw new IOException("it uses ?eval, which templates may not use");
            return new StringReader(text);
        }

        @Override
        public void closeTemplateSource(Object source) throws IOException { loader.closeTemplateSource(source); }
    }
}
