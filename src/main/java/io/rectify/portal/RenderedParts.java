package io.rectify.portal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import io.rectify.progress.Snapshot;

/**
 * Parts of pages that are the same for every viewer (no form, no link, no name of the viewer), rendered once per
 * snapshot and key and kept: the 台账's 189 rows took most of the page's CPU to render, for every request. A part is
 * kept under the snapshot object it was made from, which {@code SnapshotCache} replaces as soon as the round changes,
 * so a part is never older than the snapshot the page reads.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RenderedParts {

    static final int SIZE = 64;

    /** The snapshot by identity (its equality would compare every measure), the template, and what else it shows. */
    private record Key(Snapshot snapshot, String template, Object rest) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.snapshot == snapshot && k.template.equals(template) && k.rest.equals(rest);
        }

        @Override
        public int hashCode() { return Objects.hash(System.identityHashCode(snapshot), template, rest); }
    }

    private final ITemplateEngine engine;
    private final Map<Key, String> kept = new LinkedHashMap<>(SIZE * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) { return size() > SIZE; }
    };

    RenderedParts(ITemplateEngine engine) { this.engine = engine; }

    /** The template rendered with these variables, made from {@code snapshot} and {@code rest} (a value: a record). */
    String render(Snapshot snapshot, Object rest, String template, Supplier<Map<String, Object>> variables) {
        Key key = new Key(snapshot, template, rest);
        synchronized (kept) {
            String html = kept.get(key);
            if (html != null) return html;
        }
        String html = engine.process(template, new Context(Locale.SIMPLIFIED_CHINESE, variables.get()));
        synchronized (kept) {
            kept.put(key, html);
        }
        return html;
    }
}
