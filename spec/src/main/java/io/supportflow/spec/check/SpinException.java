package io.supportflow.spec.check;

/** SPIN could not check a definition: spin or gcc is missing or failed, or its search was not complete. */
public final class SpinException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SpinException(String message) {
        super(message);
    }
}
