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

// Labels give the AST builder each part directly instead of a search through the children.
config : lines+=line? ( NL lines+=line? )* EOF ;

// "} } name value" closes two blocks, then reads the rest as a new line.
line : closes+=CLOSE+ body=statement? | body=statement ;

// Left-factored so that each decision needs one token of lookahead: what ends the line decides
// whether it opens a block, starts a heredoc or is a plain entry.
statement
    : OPEN BLANKS?                                                                      # strayOpen
    | key=name ( BLANKS val=value )? gap=BLANKS? ( open=OPEN BLANKS? | here=heredoc )?  # directive
    ;

heredoc : start=HEREDOC_OPEN lines+=HEREDOC_LINE* end=HEREDOC_END? ;

// Adjacent pieces come from '\' continuations, which join text with no separator.
name : NAME WORD* ;

value : WORD+ ( BLANKS WORD+ )* ;
