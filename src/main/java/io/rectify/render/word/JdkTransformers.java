package io.rectify.render.word;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * POI asks JAXP for a TransformerFactory at every package part it saves, and JAXP looks for one in every jar of the
 * class path (a service file) before taking the JDK's own: most of a .docx's time (issue 13's profile). While a
 * document is saved, its thread's context class loader is this one, which hides that service file and nothing
 * else, so JAXP takes the JDK's factory at once. Local to the save, unlike the system property it replaces.
 */
final class JdkTransformers extends ClassLoader {

    private static final String SERVICE = "META-INF/services/javax.xml.transform.TransformerFactory";

    private static volatile JdkTransformers last;

    private JdkTransformers(ClassLoader parent) { super(parent); }

    /** Runs {@code save} with the JDK's TransformerFactory for this thread. */
    static void during(IoAction save) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(over(before != null ? before : WordWriter.class.getClassLoader()));
        try {
            save.run();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static JdkTransformers over(ClassLoader parent) {
        JdkTransformers loader = last;
        if (loader == null || loader.getParent() != parent) {
            loader = new JdkTransformers(parent);
            last = loader;
        }
        return loader;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return SERVICE.equals(name) ? Collections.emptyEnumeration() : super.getResources(name);
    }

    @Override
    public URL getResource(String name) {
        return SERVICE.equals(name) ? null : super.getResource(name);
    }

    interface IoAction {
        void run() throws IOException;
    }
}
