package dev.warden.bench;

/** The start-up benchmark's program: prints one line and exits. */
public final class HelloWorld {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
