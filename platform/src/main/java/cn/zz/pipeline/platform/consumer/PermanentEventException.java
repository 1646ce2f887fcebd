package cn.zz.pipeline.platform.consumer;

/** Thrown by a handler for an event that can never be applied (retrying is pointless): it goes to the DLQ. */
public class PermanentEventException extends RuntimeException {
    public PermanentEventException(String reason) {
        super(reason);
    }
}
