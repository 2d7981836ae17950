package io.rectify.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.rectify.render.DocumentRenderer;
import io.rectify.render.LazyRenderer;

/**
 * serve loads the documents' faces (~37 MB of font programs) in the background once it answers, so that the first
 * import of the day does not wait for them when it makes the round's draft (the commands keep loading them lazily).
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ServeWarmUp {

    private static final Logger log = LoggerFactory.getLogger(ServeWarmUp.class);

    private final DocumentRenderer renderer;

    ServeWarmUp(DocumentRenderer renderer) { this.renderer = renderer; }

    @EventListener(ApplicationReadyEvent.class)
    void warm() {
        if (!(renderer instanceof LazyRenderer lazy)) return;
        Thread t = new Thread(() -> {
            try {
                lazy.prepare();
            } catch (RuntimeException e) { // the first bulletin then loads them and reports what is wrong
                log.debug("loading the faces at start failed: {}", e.getMessage());
            }
        }, "warm-faces");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }
}
