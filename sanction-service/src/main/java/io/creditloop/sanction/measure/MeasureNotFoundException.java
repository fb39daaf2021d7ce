package io.creditloop.sanction.measure;

/** No measure in force under this list type, agency and code. */
public class MeasureNotFoundException extends RuntimeException {

    public MeasureNotFoundException(String listType, String agency, String measureCode) {
        super("no measure " + measureCode + " of agency " + agency + " for list type " + listType + " in force");
    }
}
