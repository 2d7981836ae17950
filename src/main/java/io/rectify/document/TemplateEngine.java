package io.rectify.document;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * booleans, {@code ?new} and {@code ?api} are off, so a template cannot reach Java classes. The document
 * templates ({@code *.ftl} outside {@code mail/}) escape every interpolation for {@link DocumentMarkup}.
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
        config.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
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
                new AndMatcher(new FileExtensionMatcher("ftl"), new NotMatcher(new PathGlobMatcher("mail/**"))), lines));
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
        }
    }

    /** A template that could not be read or filled. */
    public static class TemplateFailure extends RuntimeException {
        public TemplateFailure(String message, Throwable cause) { super(message, cause); }
    }
}
