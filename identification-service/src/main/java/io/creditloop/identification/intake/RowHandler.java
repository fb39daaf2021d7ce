package io.creditloop.identification.intake;

/** Receives a sheet's rows in order; answers {@code false} to stop reading. */
@FunctionalInterface
public interface RowHandler {

    boolean row(SheetRow row);
}
