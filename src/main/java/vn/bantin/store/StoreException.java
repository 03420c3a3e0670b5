package vn.bantin.store;

import java.sql.SQLException;

public final class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
