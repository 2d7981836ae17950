package io.rectify;
public class Rectify { public static void main(String[] a) {} }
