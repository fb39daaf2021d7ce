package io.creditloop.identification.intake;

/** The file is larger than {@code creditloop.intake.max-file-size}; nothing was stored. */
public class UploadTooLargeException extends RuntimeException {

    public UploadTooLargeException(long size, long max) {
        super("文件大小 " + size + " 字节超过上限 " + max + " 字节，请拆分后上传 (the file is " + size
                + " bytes; the limit is " + max + " bytes: split it and upload the parts)");
    }
}
