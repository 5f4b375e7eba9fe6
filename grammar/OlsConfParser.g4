/*
 * The lines of an OpenLiteSpeed plain-text config. Nesting is not a grammar rule: OLS keeps a block
 * stack while it reads lines (and so does the AST builder), which lets an unbalanced '}' or an
 * unclosed block be reported at its own line instead of failing the whole parse.
 */
parser grammar OlsConfParser;

options { tokenVocab = OlsConfLexer; }

@header {
package dev.wsproxy.config.syntax.gen;
}

config : line? ( NL line? )* EOF ;

// "} } name value" closes two blocks, then reads the rest as a new line.
line : CLOSE+ statement? | statement ;

// Left-factored so that each decision needs one token of lookahead: what ends the line decides
// whether it opens a block, starts a heredoc or is a plain entry.
statement
    : OPEN BLANKS?                                                      # strayOpen
    | name ( BLANKS value )? BLANKS? ( OPEN BLANKS? | heredoc )?        # directive
    ;

heredoc : HEREDOC_OPEN HEREDOC_LINE* HEREDOC_END? ;

// Adjacent pieces come from '\' continuations, which join text with no separator.
name : NAME WORD* ;

value : WORD+ ( BLANKS WORD+ )* ;
