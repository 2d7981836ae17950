package io.rectify.render;

import java.util.function.Supplier;

import io.rectify.document.OfficialDocument;

/**
 * A renderer made on its first document: making one loads the faces ({@link FontSet}, ~37 MB of font programs,
 * once per JVM), which a command that renders nothing (an unknown round, an unchanged bulletin, a user command)
 * should not pay for.
 */
public final class LazyRenderer implements DocumentRenderer {

    private final Supplier<? extends DocumentRenderer> factory;
    private volatile DocumentRenderer renderer;

    public LazyRenderer(Supplier<? extends DocumentRenderer> factory) {
        this.factory = factory;
    }

    @Override
    public RenderedPdf render(OfficialDocument document) {
        return made().render(document);
    }

    /** Makes the renderer now (the faces loaded): serve does it at its start, before the first import needs it. */
    public void prepare() {
        made();
    }

    private DocumentRenderer made() {
        DocumentRenderer r = renderer;
        if (r == null) {
            synchronized (this) {
                r = renderer;
                if (r == null) renderer = r = factory.get();
            }
        }
        return r;
    }
}
