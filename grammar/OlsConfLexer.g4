/*
 * Tokens of an OpenLiteSpeed plain-text config, read the way OLS 1.9.1 reads it (plainconf.cpp).
 *
 * The format is line based. DEFAULT_MODE is the start of a logical line (or what follows a closing
 * '}' on the same line); LINE is the rest of that line; HEREDOC collects the raw body of a
 * <<<TAG block. Whether a '{' ends the line, whether a '\' continues it and whether a '<<<' opens a
 * heredoc depends on the text around the character, so those decisions are predicates of the
 * superclass OlsLexerBase, which looks at the characters around the current position.
 *
 * Predicates stand right AFTER the character they are about: a predicate at the start of a rule or
 * of a loop iteration would be evaluated before every character and stop ANTLR from caching its DFA.
 */
lexer grammar OlsConfLexer;

options { superClass = OlsLexerBase; }

@header {
package dev.wsproxy.config.syntax.gen;
}

// ---- start of a logical line ----------------------------------------------------------------

LEAD_BLANKS : [ \t\r]+ -> skip ;

EMPTY_NL : '\n' -> type(NL) ;

// '#' makes a comment only as the first non-blank character of a physical line.
COMMENT : '#' {firstOnPhysicalLine()}? ~[\n]* -> skip ;

// A line made only of '# \t\r\\' characters is blank to OLS.
FILLER : '\\' {firstOnPhysicalLine()}? [ \t\r#\\]* {atLineEnd()}? -> skip ;

// '}' closes a block only as the first character of a line; the rest of the line is a new line.
CLOSE : '}' ;

// '{' with no name before it: OLS's "parseline found '{' without a block name".
LONE_OPEN : '{' {atLineEnd()}? -> type(OPEN), mode(LINE) ;

LEAD_CONTINUATION : CONTINUATION -> skip ;

NAME : NAME_START WORD_CHAR* -> mode(LINE) ;

// ---- rest of a logical line ------------------------------------------------------------------
mode LINE;

// '{' opens a block only as the last character of the line.
OPEN : '{' {atLineEnd()}? ;

// A line ending in exactly one '\' is joined to the next one with no separator.
CONTINUATION_SKIP : CONTINUATION -> skip ;

HEREDOC_OPEN : '<' {opensHeredoc()}? '<<' ~[\n]* '\n'? { beginHeredoc(); } -> mode(HEREDOC) ;

BLANKS : [ \t\r]+ ;

NL : '\n' -> mode(DEFAULT_MODE) ;

WORD : WORD_CHAR+ ;

// ---- body of a <<<TAG heredoc: raw lines up to the line whose first token is TAG -------------
mode HEREDOC;

HEREDOC_END : {atHeredocTerminator()}? [ \t]* ~[ \t\r\n] ~[\n]* -> mode(LINE) ;

HEREDOC_LINE : {!atHeredocTerminator()}? ( ~[\n]+ '\n'? | '\n' ) ;

// ---- fragments -------------------------------------------------------------------------------

// The '\', the end of its line, the comment and blank lines OLS skips, and the next line's indent.
fragment CONTINUATION : '\\' {continuesLine()}? [ \t\r]* '\n' IGNORED_LINE* [ \t\r]* ;

fragment IGNORED_LINE : [ \t\r]* ( '#' ~[\n]* | '\\' [ \t\r#\\]* )? '\n' ;

fragment NAME_START : ~[ \t\r\n{}\\<] | TEXT_BRACE | TEXT_BACKSLASH | TEXT_ANGLE ;

fragment WORD_CHAR : ~[ \t\r\n{\\<] | TEXT_BRACE | TEXT_BACKSLASH | TEXT_ANGLE ;

fragment TEXT_BRACE : '{' {!atLineEnd()}? ;

fragment TEXT_BACKSLASH : '\\' {!continuesLine()}? ;

fragment TEXT_ANGLE : '<' {!opensHeredoc()}? ;
