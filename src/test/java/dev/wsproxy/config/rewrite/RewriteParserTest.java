package dev.wsproxy.config.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.rewrite.RewriteCondition.Test;
import dev.wsproxy.config.rewrite.RuleFlags.Action;
import dev.wsproxy.config.source.Span;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Rules text to typed rules, as OLS's parser reads it: flags, conditions, and a set cut short by a bad rule. */
class RewriteParserTest {
    private static final Span START = Span.at(Path.of("/conf/vhconf.conf"), 10, 5);

    private static RewriteSet parse(String text) {
        return RewriteParser.parse(RewriteParser.lines(text, START), Set.of("shop"), RewriteParser.NO_FILES);
    }

    @org.junit.jupiter.api.Test
    void flagsReadAsOlsReadsThem() {
        RewriteSet set = parse("""
                RewriteRule ^/a$ /b [R=301,L]
                RewriteRule ^/c$ /d [redirect]
                RewriteRule ^/e$ - [F]
                RewriteRule ^/g$ - [gone]
                RewriteRule ^/p/(.*)$ http://app/$1 [P,QSA,NE]
                RewriteRule ^/s$ /t [S=2,C,NC,E=flag:on,CO=k:v:.x.com,T=text/plain,END]
                RewriteRule ^/r$ /u [R=permanent,QSD,N,B,PT]
                """);
        List<RuleFlags> f = set.rules().stream().map(RewriteRule::flags).toList();
        assertEquals(List.of(), set.problems());
        assertEquals(Action.REDIRECT, f.get(0).action());
        assertEquals(301, f.get(0).status());
        assertTrue(f.get(0).last());
        assertEquals(302, f.get(1).status());
        assertFalse(f.get(1).last());
        assertEquals(Action.FORBID, f.get(2).action());
        assertEquals(403, f.get(2).status());
        assertTrue(set.rules().get(2).target().isEmpty());
        assertEquals(410, f.get(3).status());
        assertEquals(Action.PROXY, f.get(4).action());
        assertTrue(f.get(4).qsAppend() && f.get(4).noEscape() && f.get(4).last());
        RuleFlags s = f.get(5);
        assertTrue(s.chain() && s.noCase() && s.end() && s.last());
        assertEquals(2, s.skip());
        assertEquals(1, s.env().size());
        assertEquals(1, s.cookies().size());
        assertEquals(Optional.of("text/plain"), s.forcedType());
        assertTrue(set.rules().get(5).pattern().matcher("/S").find());
        assertEquals(301, f.get(6).status());
        assertTrue(f.get(6).qsDiscard() && f.get(6).next() && f.get(6).backrefs().on() && f.get(6).passThrough());
    }

    @org.junit.jupiter.api.Test
    void conditionsWithEveryKindOfTest() {
        RewriteSet set = parse("""
                RewriteCond %{HTTPS} !on
                RewriteCond %{HTTP_HOST} ^www\\.(.+)$ [NC,OR]
                RewriteCond %{REQUEST_FILENAME} !-f
                RewriteCond %{TIME_HOUR} -lt12
                RewriteCond %{HTTP:X-Forwarded-Proto} =http
                RewriteCond %{QUERY_STRING} >=b
                RewriteRule ^ - [L]
                """);
        List<RewriteCondition> c = set.rules().get(0).conditions();
        assertEquals(Test.REGEX, c.get(0).op());
        assertTrue(c.get(0).negate());
        assertTrue(c.get(1).noCase() && c.get(1).or());
        assertEquals(new Template.Var(new Variable(Variable.Kind.HEADER, "HOST")), c.get(1).test().parts().get(0));
        assertEquals(Test.IS_FILE, c.get(2).op());
        assertTrue(c.get(2).negate());
        assertEquals(Test.NUM_LT, c.get(3).op());
        assertEquals("12", c.get(3).operand());
        assertEquals(Test.EQUAL, c.get(4).op());
        assertEquals("http", c.get(4).operand());
        assertEquals(Test.GREATER_EQUAL, c.get(5).op());
    }

    @org.junit.jupiter.api.Test
    void aBadRuleEndsTheSetAndNamesTheRulesLost() {
        RewriteSet set = parse("""
                RewriteRule ^/a$ /b [L]
                RewriteCond %{REQUEST_SCHEME} =http
                RewriteRule ^/c$ /d [L]
                RewriteRule ^/e$ /f [L]
                RewriteBase /ignored/
                RewriteRule ^/g$ /h [L]
                """);
        assertEquals(1, set.rules().size());
        assertEquals(Optional.empty(), set.base());
        RuleProblem problem = set.problems().get(0);
        assertEquals(RuleProblem.Kind.OLS_DROPS, problem.kind());
        assertEquals(11, problem.span().line());
        assertTrue(problem.message().contains("%{REQUEST_SCHEME}"), problem.message());
        assertEquals(List.of(13, 15), problem.lost().stream().map(Span::line).toList());
    }

    @org.junit.jupiter.api.Test
    void unknownFlagsMapsAndLinesBetweenConditionAndRuleAreErrors() {
        assertTrue(parse("RewriteRule ^/a$ /b [L,X]").problems().get(0).message().contains("`X`"));
        assertTrue(parse("RewriteRule ^/a$ ${nomap:$1}").problems().get(0).message().contains("nomap"));
        assertEquals(1, parse("RewriteRule ^/a$ ${shop:$1|x}").rules().size());
        assertTrue(parse("RewriteCond %{HTTPS} on\nOptions -Indexes\nRewriteRule ^ - [F]").problems().get(0)
                .message().contains("`Options`"));
        assertTrue(parse("RewriteRule ^/a$ /b L").problems().get(0).message().contains("'['"));
        assertTrue(parse("RewriteCond %{HTTPS} on [XX]\nRewriteRule ^ - [F]").problems().get(0).message()
                .contains("condition flag"));
    }

    @org.junit.jupiter.api.Test
    void htaccessNoiseIsSkippedAndEngineAndBaseAreRead() {
        RewriteSet set = parse("""
                # a comment
                Options -MultiViews
                <IfModule mod_headers.c>
                RewriteRule ^/never$ /x [L]
                </IfModule>
                <IfModule mod_rewrite.c>
                RewriteEngine On
                RewriteBase /blog/
                RewriteRule ^index\\.php$ - [L]
                </IfModule>
                """);
        assertEquals(1, set.rules().size());
        assertEquals("^index\\.php$", set.rules().get(0).patternText());
        assertEquals(Optional.of(true), set.engine());
        assertEquals(Optional.of("/blog/"), set.base());
    }

    @org.junit.jupiter.api.Test
    void aRewriteFileIsASetOfItsOwn() {
        Path file = Path.of("/site/rules.conf");
        RewriteParser.FileReader reader = (path, from) -> Optional.of(RewriteParser.lines(
                "RewriteRule ^/in$ /file [L]\nRewriteRule ^/bad$ /x [Q]\nRewriteRule ^/lost$ /x", Span.at(file, 1, 1)));
        RewriteSet set = RewriteParser.parse(RewriteParser.lines("RewriteFile rules.conf\nRewriteRule ^/after$ /y",
                START), Set.of(), reader);
        assertEquals(List.of("^/in$", "^/after$"), set.rules().stream().map(RewriteRule::patternText).toList());
        assertEquals(file, set.problems().get(0).span().file());
        assertEquals(2, set.problems().get(0).span().line());
    }

    @org.junit.jupiter.api.Test
    void pcreConstructsAreReadAsPcreReadsThem() {
        RewriteSet set = parse("RewriteRule ^/([[:alpha:]]+)-(?P<n>[[:digit:]]+)[]x[]$ /x [L]");
        assertEquals(List.of(), set.problems());
        assertTrue(set.rules().get(0).pattern().matcher("/abc-12[").find());
        assertFalse(set.rules().get(0).pattern().matcher("/a:c-12x").find());
        RuleProblem pcreOnly = parse("RewriteRule ^/a\\K/b$ /x").problems().get(0);
        assertEquals(RuleProblem.Kind.PCRE_ONLY, pcreOnly.kind());
    }
}
