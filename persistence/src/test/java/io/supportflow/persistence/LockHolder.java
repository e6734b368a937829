package io.supportflow.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The process {@link SecondProcessIT} races: opens the store given as argument, prints OPEN, closes on a line of input. */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws IOException {
        try (SupportStore store = Stores.openMapDb(Path.of(args[0]))) {
            System.out.println("OPEN " + store.sessionCount());
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine();
        }
        System.out.println("CLOSED");
        System.out.flush();
    }
}
