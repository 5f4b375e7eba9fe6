package dev.wsproxy.config.schema;

/** What kind of value a directive takes; lint checks values against it and the binder converts them. */
public enum ValueType {
    /** free text, possibly empty */
    TEXT,
    /** a file or directory path, with OLS variables */
    PATH,
    /** a whole number, with an optional K, M or G suffix (OLS multiplies by 1024s) */
    NUMBER,
    /** 0 or 1 */
    BOOL,
    /** one of the spec's {@code choices} */
    CHOICE,
    /** a comma- (or blank-) separated list */
    LIST,
    /** a listener address: {@code *:80}, {@code [::]:443}, {@code 127.0.0.1:8088} */
    LISTEN_ADDRESS,
    /** a websocket backend: {@code ip:port}, {@code [v6]:port}, {@code host:port}, a socket path, {@code uds://} */
    BACKEND_ADDRESS,
    /** an extprocessor address: {@code [http(s)://]host[:port]}, {@code uds://path}, {@code unix:/path} */
    PROXY_ADDRESS,
    /** an accessControl list of addresses and networks */
    ACL,
    /** a context or websocket URI: {@code /path} or {@code exp:regex} */
    URI,
    /** extraHeaders lines: {@code [Header] [always] set|add|append|merge|unset Name [value]} or {@code Name: value} */
    HEADER_OPS,
    /** an expires rule: {@code A<seconds>} or {@code M<seconds>} */
    EXPIRES_RULE,
    /** expiresByType: {@code type/sub=A<seconds>, image/*=M<seconds>, ...} */
    EXPIRES_BY_TYPE
}
