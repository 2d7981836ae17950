package io.rectify.render.word;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.transform.TransformerFactory;

import org.junit.jupiter.api.Test;

/** The Word writer takes the JDK's TransformerFactory while it saves, without setting it for the whole JVM. */
class JdkTransformersTest {

    @Test
    void theJdksFactoryDuringTheSaveAndNoSystemProperty() throws Exception {
        String[] during = new String[1];
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        JdkTransformers.during(() -> during[0] = TransformerFactory.newInstance().getClass().getName());
        assertThat(during[0]).isEqualTo("com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
        assertThat(System.getProperty("javax.xml.transform.TransformerFactory")).isNull();
    }
}
