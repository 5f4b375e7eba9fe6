package dev.wsproxy.config.schema;

import static dev.wsproxy.config.schema.Scope.*;
import static dev.wsproxy.config.schema.ValueType.*;

import dev.wsproxy.config.schema.DirectiveSpec.Shape;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The OLS 1.9.1 directive table as data: for each scope, the directives it may hold, their value types,
 * whether they repeat, and which scope a block opens. Binding, "unknown directive", "not allowed here"
 * and "did you mean" all read this one table (sources: OLS 1.9.1's config parser and its admin table definitions).
 */
public final class DirectiveTable {

    /** The XML-era list wrappers that the plain format may keep; they are transparent. */
    private static final Set<String> WRAPPERS = Set.of("contextlist", "websocketlist", "virtualhostlist",
            "listenerlist", "extprocessorlist", "vhtemplatelist", "memberlist", "errorpagelist", "realmlist",
            "modulelist", "scripthandlerlist", "urlfilterlist");

    private static final DirectiveTable OLS = build();

    private final Map<Scope, Map<String, DirectiveSpec>> byScope;

    private DirectiveTable(Map<Scope, Map<String, DirectiveSpec>> byScope) {
        this.byScope = byScope;
    }

    /** The table of OLS 1.9.1 plus wsproxy's own keys. */
    public static DirectiveTable ols() {
        return OLS;
    }

    /** The directive {@code name} (any case) as valid in {@code scope}. */
    public Optional<DirectiveSpec> find(Scope scope, String name) {
        return Optional.ofNullable(byScope.get(scope).get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every directive valid in {@code scope}. */
    public Collection<DirectiveSpec> in(Scope scope) {
        return byScope.get(scope).values();
    }

    /** The scopes in which {@code name} is valid, in declaration order. */
    public List<Scope> scopesOf(String name) {
        List<Scope> found = new ArrayList<>();
        byScope.forEach((scope, specs) -> {
            if (specs.containsKey(name.toLowerCase(Locale.ROOT))) {
                found.add(scope);
            }
        });
        return found;
    }

    /** Whether {@code name} is an optional list wrapper such as {@code contextList}. */
    public static boolean isWrapper(String name) {
        return WRAPPERS.contains(name.toLowerCase(Locale.ROOT));
    }

    private static DirectiveTable build() {
        Map<Scope, Map<String, DirectiveSpec>> all = new EnumMap<>(Scope.class);
        for (Scope s : Scope.values()) {
            all.put(s, new LinkedHashMap<>());
        }
        server(new Rows(all, SERVER));
        listener(new Rows(all, LISTENER));
        vhostEntry(new Rows(all, VHOST_ENTRY));
        vhostConfig(new Rows(all, VHOST_ENTRY));
        vhostConfig(new Rows(all, VHOST_CONFIG));
        vhostEntry(new Rows(all, TEMPLATE));
        new Rows(all, TEMPLATE).path("templateFile").block("virtualHostConfig", VHOST_CONFIG);
        new Rows(all, VHTEMPLATE).path("templateFile").list("listeners").text("note").blocks("member", MEMBER, Shape.EITHER);
        new Rows(all, MEMBER).text("name", "vhDomain", "note").list("vhAliases").path("vhRoot");
        context(new Rows(all, CONTEXT));
        new Rows(all, WEBSOCKET).uri("uri").add("address", BACKEND_ADDRESS).text("note").number("idleTimeout");
        extProcessor(new Rows(all, EXTPROCESSOR));
        tuning(new Rows(all, TUNING));
        new Rows(all, FILE_ACCESS_CONTROL).choice("followSymbolLink", "0", "1", "2")
                .bool("checkSymbolLink", "forceStrictOwnership")
                .text("requiredPermissionMask", "restrictedPermissionMask", "restrictedScriptPermissionMask",
                        "restrictedDirPermissionMask");
        new Rows(all, PER_CLIENT_CONN_LIMIT).number("staticReqPerSec", "dynReqPerSec", "outBandwidth", "inBandwidth",
                "softLimit", "hardLimit", "gracePeriod", "banPeriod").bool("blockBadReq");
        new Rows(all, CGI_RLIMIT).number("maxCGIInstances", "minUID", "minGID", "priority", "CPUSoftLimit",
                "CPUHardLimit", "memSoftLimit", "memHardLimit", "procSoftLimit", "procHardLimit").path("cgidSock");
        new Rows(all, ACCESS_DENY_DIR).repeated(PATH, "dir");
        new Rows(all, ACCESS_CONTROL).add("allow", ACL).add("deny", ACL);
        new Rows(all, EXPIRES).bool("enableExpires").add("expiresDefault", EXPIRES_RULE)
                .add("expiresByType", EXPIRES_BY_TYPE);
        new Rows(all, INDEX).choice("useServer", "0", "1", "2").list("indexFiles").bool("autoIndex").text("autoIndexURI");
        new Rows(all, ERRORLOG).bool("useServer", "compressArchive", "enableStderrLog").path("fileName")
                .choice("logLevel", "ERROR", "WARN", "NOTICE", "INFO", "DEBUG")
                .number("debugLevel", "rollingSize", "keepDays");
        new Rows(all, ACCESSLOG).choice("useServer", "0", "1", "2").path("fileName", "bytesLog")
                .text("logFormat", "pipedLogger").number("logHeaders", "rollingSize", "keepDays")
                .bool("compressArchive", "logReferer", "logUserAgent");
        new Rows(all, ERROR_PAGE).text("url", "errCode", "note");
        new Rows(all, REWRITE).bool("enable", "autoLoadHtaccess", "inherit").range("logLevel", 0, 9)
                .text("rules", "base", "note").blocks("map", REWRITE_MAP, Shape.EITHER);
        new Rows(all, REWRITE_MAP).text("location", "note");
        ssl(new Rows(all, VHSSL));
        new Rows(all, VHSSL).block("acme", ACME);
        new Rows(all, ACME).choice("enabled", "0", "1", "2").text("api").repeated(TEXT, "env");
        new Rows(all, HT_ACCESS).number("allowOverride").text("accessFileName");
        new Rows(all, REALM).text("type", "note").block("userDB", USER_DB).block("groupDB", GROUP_DB);
        new Rows(all, USER_DB).path("location").number("maxCacheSize", "cacheTimeout", "expire");
        new Rows(all, GROUP_DB).path("location").number("maxCacheSize", "cacheTimeout", "expire");
        new Rows(all, SCRIPT_HANDLER).repeated(TEXT, "add");
        appDefaults(new Rows(all, APP_DEFAULTS));
        new Rows(all, MODULE).bool("ls_enabled", "internal").text("note").repeated(TEXT, "param")
                .blocks("urlFilter", URL_FILTER, Shape.BLOCK);
        new Rows(all, URL_FILTER).bool("ls_enabled").repeated(TEXT, "param");
        new Rows(all, GENERAL).bool("enableContextAC");
        new Rows(all, HOTLINK_CTRL).bool("enableHotlinkCtrl", "allowDirectAccess", "onlySelf")
                .text("suffixes", "allowedHosts", "matchedHosts", "redirectUri");
        new Rows(all, AWSTATS).number("updateMode", "updateInterval", "updateOffset").path("workingDir")
                .text("awstatsURI", "siteDomain", "siteAliases", "realm").bool("securedConn");
        new Rows(all, LSRECAPTCHA).bool("enabled").number("type", "maxTries", "regConnLimit", "sslConnLimit",
                "allowedRobotHits").text("siteKey", "secretKey").block("botWhiteList", BOT_WHITE_LIST);
        return new DirectiveTable(all);
    }

    private static void server(Rows r) {
        r.text("serverName", "user", "group", "adminEmails", "autoIndexURI", "suspendedVhosts")
                .number("priority", "inMemBufSize", "gracefulRestartTimeout", "httpdWorkers", "cpuAffinity",
                        "enableLVE", "sessionTimeout")
                .path("swappingDir", "statDir", "mime", "adminRoot", "chrootPath")
                .bool("autoFix503", "enableh2c", "jsonReports", "disableInitLogRotation", "enableIpGeo", "autoIndex",
                        "enableChroot", "disableWebAdmin", "enableCoreDump", "autoRestart", "autoLoadHtaccess")
                .choice("showVersionNumber", "0", "1", "2").choice("useIpInProxyHeader", "0", "1", "2", "3", "4")
                .list("indexFiles")
                .either("errorlog", ERRORLOG).either("accesslog", ACCESSLOG)
                .block("expires", EXPIRES).block("tuning", TUNING).block("fileAccessControl", FILE_ACCESS_CONTROL)
                .block("perClientConnLimit", PER_CLIENT_CONN_LIMIT).block("CGIRLimit", CGI_RLIMIT)
                .block("accessDenyDir", ACCESS_DENY_DIR).block("accessControl", ACCESS_CONTROL)
                .blocks("extprocessor", EXTPROCESSOR, Shape.BLOCK).block("scripthandler", SCRIPT_HANDLER)
                .block("railsDefaults", APP_DEFAULTS).block("wsgiDefaults", APP_DEFAULTS)
                .block("nodeDefaults", APP_DEFAULTS).blocks("module", MODULE, Shape.BLOCK)
                .blocks("virtualhost", VHOST_ENTRY, Shape.BLOCK).blocks("listener", LISTENER, Shape.BLOCK)
                .blocks("vhTemplate", VHTEMPLATE, Shape.BLOCK).block("security", SECURITY)
                .block("lsrecaptcha", LSRECAPTCHA).block("htAccess", HT_ACCESS);
    }

    private static void listener(Rows r) {
        r.add("address", LISTEN_ADDRESS).bool("secure", "reusePort").number("binding").text("note", "zconfSend",
                "zconfPortList").repeated(TEXT, "map").blocks("module", MODULE, Shape.BLOCK);
        ssl(r);
    }

    private static void ssl(Rows r) {
        r.path("keyFile", "certFile", "CACertPath", "CACertFile", "DHParam", "crlPath", "crlFile",
                        "ocspCACerts")
                .number("sslProtocol", "enableSpdy", "verifyDepth", "ocspRespMaxAge")
                .text("ciphers", "ocspResponder")
                .bool("certChain", "enableECDHE", "enableDHE", "renegProtection", "sslSessionCache", "sslSessionTickets",
                        "enableQuic", "enableStapling", "sslStrongDhKey")
                .choice("clientVerify", "0", "1", "2", "3");
    }

    private static void vhostEntry(Rows r) {
        r.path("vhRoot", "configFile", "chrootPath").choice("allowSymbolLink", "0", "1", "2")
                .bool("enableScript", "restrained", "smartKeepAlive")
                .number("maxKeepAliveReq", "staticReqPerSec", "dynReqPerSec", "outBandwidth", "inBandwidth")
                .choice("setUIDMode", "0", "1", "2").choice("chrootMode", "0", "1", "2")
                .text("name", "user", "group", "note").list("listeners");
    }

    private static void vhostConfig(Rows r) {
        r.path("docRoot").text("vhDomain", "adminEmails").list("vhAliases")
                .bool("enableGzip", "enableBr", "enableIpGeo").number("cgroups").choice("bubbleWrap", "0", "1", "2")
                .either("errorlog", ERRORLOG).eithers("accesslog", ACCESSLOG).block("htAccess", HT_ACCESS)
                .block("index", INDEX).blocks("errorPage", ERROR_PAGE, Shape.BLOCK).block("expires", EXPIRES)
                .block("accessControl", ACCESS_CONTROL).blocks("realm", REALM, Shape.BLOCK)
                .blocks("extprocessor", EXTPROCESSOR, Shape.BLOCK).block("scripthandler", SCRIPT_HANDLER)
                .block("phpIniOverride", PHP_INI_OVERRIDE).block("lsrecaptcha", LSRECAPTCHA)
                .block("general", GENERAL).block("hotlinkCtrl", HOTLINK_CTRL).block("awstats", AWSTATS)
                .blocks("module", MODULE, Shape.BLOCK).blocks("context", CONTEXT, Shape.BLOCK)
                .block("rewrite", REWRITE).block("vhssl", VHSSL).blocks("websocket", WEBSOCKET, Shape.BLOCK);
    }

    private static void context(Rows r) {
        r.uri("uri").choice("type", "null", "static", "redirect", "proxy", "lsapi", "fcgi", "cgi", "scgi", "uwsgi",
                        "loadbalancer", "webapp", "servlet", "appserver", "module", "rails")
                .path("location", "binPath", "startupFile")
                .bool("allowBrowse", "enableExpires", "autoIndex", "externalRedirect", "enableIpGeo", "allowOverride")
                .range("statusCode", 100, 599)
                .add("expiresDefault", EXPIRES_RULE).add("expiresByType", EXPIRES_BY_TYPE)
                .add("extraHeaders", HEADER_OPS)
                .text("note", "addMIMEType", "forceType",
                        "defaultType", "realm", "authName", "required", "authorizer", "addDefaultCharset",
                        "defaultCharsetCustomized", "handler", "appType", "railsEnv", "appserverEnv", "cgroups")
                .list("indexFiles").number("maxConns").repeated(TEXT, "env", "param")
                .block("accessControl", ACCESS_CONTROL).block("rewrite", REWRITE)
                .block("phpIniOverride", PHP_INI_OVERRIDE).blocks("errorPage", ERROR_PAGE, Shape.BLOCK);
    }

    private static void extProcessor(Rows r) {
        r.choice("type", "fcgi", "fcgiauth", "lsapi", "servlet", "proxy", "logger", "loadbalancer")
                .text("name", "note", "extUser", "extGroup", "umask").add("address", PROXY_ADDRESS)
                .path("path").repeated(TEXT, "env").choice("respBuffer", "0", "1", "2").bool("persistConn")
                .range("maxConns", 1, 10_000).range("pcKeepAliveTimeout", -1, Integer.MAX_VALUE)
                .number("initTimeout", "retryTimeout", "autoStart", "backlog",
                        "instances", "runOnStartUp", "extMaxIdleTime", "priority", "memSoftLimit", "memHardLimit",
                        "procSoftLimit", "procHardLimit", "cpuSoftLimit", "cpuHardLimit");
    }

    private static void appDefaults(Rows r) {
        r.path("binPath", "rubyBin").text("railsEnv", "appserverEnv").repeated(TEXT, "env")
                .number("maxConns", "initTimeout", "retryTimeout", "pcKeepAliveTimeout", "backlog", "runOnStartUp",
                        "extMaxIdleTime", "priority", "memSoftLimit", "memHardLimit", "procSoftLimit",
                        "procHardLimit", "cpuSoftLimit", "cpuHardLimit", "instances", "autoStart")
                .choice("respBuffer", "0", "1", "2");
    }

    private static void tuning(Rows r) {
        r.number("maxConnections", "maxSSLConnections", "maxKeepAliveReq", "sndBufSize", "rcvBufSize",
                        "maxReqBodySize", "maxDynRespHeaderSize", "maxDynRespSize", "maxCachedFileSize",
                        "totalInMemCacheSize", "maxMMapFileSize", "totalMMapCacheSize", "fileETag",
                        "enableBrCompress", "brStaticCompressLevel", "quicCfcw", "quicMaxCfcw", "quicSfcw",
                        "quicMaxSfcw", "quicMaxStreams", "quicHandshakeTimeout", "quicIdleTimeout",
                        "quicBasePLPMTU", "quicMaxPLPMTU", "quicPlpmtuTimeout", "quicCongestionCtrl")
                .range("connTimeout", 1, Integer.MAX_VALUE).range("keepAliveTimeout", 0, 60)
                .range("maxReqURLLen", 200, 65530).range("maxReqHeaderSize", 1024, 131072)
                .range("gzipCompressLevel", 1, 9).range("gzipStaticCompressLevel", 1, 9)
                .range("gzipMinFileSize", 200, Long.MAX_VALUE).range("gzipMaxFileSize", 200, Long.MAX_VALUE)
                .bool("useSendfile", "enableGzipCompress", "enableDynGzipCompress", "gzipAutoUpdateStatic",
                        "smartKeepAlive", "quicEnable", "quicEnableDPLPMTUD", "sslStrongDhKey")
                .text("compressibleTypes", "eventDispatcher", "sslCryptoDevice").path("quicShmDir", "gzipCacheDir");
        r.bool("sslSessionCache", "sslSessionTickets").number("sslSessionCacheSize", "sslSessionCacheTimeout")
                .range("sslSessionTicketLifetime", 600, 86400).path("sslSessionTicketKeyFile");
    }

    /** Adds rows to one scope; every method returns {@code this} so a scope reads as one table. */
    private static final class Rows {
        private final Map<String, DirectiveSpec> specs;

        Rows(Map<Scope, Map<String, DirectiveSpec>> all, Scope scope) {
            this.specs = all.get(scope);
        }

        Rows text(String... names) {
            return entries(TEXT, names);
        }

        Rows path(String... names) {
            return entries(PATH, names);
        }

        Rows number(String... names) {
            return entries(NUMBER, names);
        }

        Rows bool(String... names) {
            return entries(BOOL, names);
        }

        Rows list(String... names) {
            return entries(LIST, names);
        }

        Rows uri(String name) {
            return entries(URI, name);
        }

        Rows add(String name, ValueType type) {
            return entries(type, name);
        }

        Rows range(String name, long min, long max) {
            return put(new DirectiveSpec(name, NUMBER, List.of(), min, max, false, Shape.ENTRY, Optional.empty()));
        }

        Rows choice(String name, String... choices) {
            return put(new DirectiveSpec(name, CHOICE, List.of(choices), 0, 0, false, Shape.ENTRY, Optional.empty()));
        }

        Rows repeated(ValueType type, String... names) {
            for (String n : names) {
                put(new DirectiveSpec(n, type, List.of(), 0, Long.MAX_VALUE, true, Shape.ENTRY, Optional.empty()));
            }
            return this;
        }

        Rows block(String name, Scope body) {
            return put(new DirectiveSpec(name, TEXT, List.of(), 0, 0, false, Shape.BLOCK, Optional.of(body)));
        }

        Rows blocks(String name, Scope body, Shape shape) {
            return put(new DirectiveSpec(name, TEXT, List.of(), 0, 0, true, shape, Optional.of(body)));
        }

        Rows either(String name, Scope body) {
            return put(new DirectiveSpec(name, PATH, List.of(), 0, 0, false, Shape.EITHER, Optional.of(body)));
        }

        Rows eithers(String name, Scope body) {
            return put(new DirectiveSpec(name, PATH, List.of(), 0, 0, true, Shape.EITHER, Optional.of(body)));
        }

        private Rows entries(ValueType type, String... names) {
            for (String n : names) {
                put(new DirectiveSpec(n, type, List.of(), 0, Long.MAX_VALUE, false, Shape.ENTRY, Optional.empty()));
            }
            return this;
        }

        private Rows put(DirectiveSpec spec) {
            specs.put(spec.name().toLowerCase(Locale.ROOT), spec);
            return this;
        }
    }
}
