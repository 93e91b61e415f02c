// Thin C shims for what Swift cannot import from ncurses: attribute macros,
// the C globals that Swift 6 calls unsafe, and wcwidth.
#ifndef ONROLL_CNCURSES_SHIM_H
#define ONROLL_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

int wcwidth(wchar_t c);

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline WINDOW *cn_curscr(void) { return curscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_a_bold(void) { return A_BOLD; }
static inline int cn_a_reverse(void) { return A_REVERSE; }
static inline int cn_a_underline(void) { return A_UNDERLINE; }
static inline int cn_a_dim(void) { return A_DIM; }
static inline int cn_a_normal(void) { return A_NORMAL; }
static inline int cn_key_resize(void) { return KEY_RESIZE; }
static inline int cn_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }
#endif
