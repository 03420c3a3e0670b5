package vn.bantin.http;

/** One satisfiable byte range of an HTTP Range header ("bytes=N-", "bytes=N-M", "bytes=-K"). */
record ByteRange(long first, long last) {

    long length() {
        return last - first + 1;
    }

    /** Null when no range was asked for; IllegalArgumentException when it cannot be satisfied. */
    static ByteRange parse(String header, long size) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.trim();
        if (!h.startsWith("bytes=") || h.contains(",")) {
            throw new IllegalArgumentException("Only one range of the form bytes=N-M is supported");
        }
        String spec = h.substring(6);
        int dash = spec.indexOf('-');
        if (dash < 0) {
            throw new IllegalArgumentException("Malformed range " + header);
        }
        try {
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            long first;
            long last;
            if (a.isEmpty()) {
                long suffix = Long.parseLong(b);
                first = Math.max(0, size - suffix);
                last = size - 1;
            } else {
                first = Long.parseLong(a);
                last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
            }
            if (first < 0 || first >= size || last < first) {
                throw new IllegalArgumentException("Range " + header + " is outside the file (" + size + " bytes)");
            }
            return new ByteRange(first, last);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Malformed range " + header);
        }
    }
}
