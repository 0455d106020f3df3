/* raw_writer: the floor the report engine is measured against. Replays the cells of a workbook
 * (dumped by replay_dump from the engine's own output: every sheet, row, value, formula and
 * merge) with libxlsxwriter alone in constant_memory mode: no database, no query, no layout.
 * The file is read into memory first; only the writing is timed.
 *   raw_writer REPLAY OUT.xlsx      prints "raw_wall=S raw_cpu=S raw_cells=N"
 * Replay lines (tab-separated, text escaped \t \n \\):
 *   S name | T row col text | N row col number | F row col cached | M r1 c1 r2 c2 text        */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <xlsxwriter.h>

typedef struct {
    char kind; /* S T N F M */
    unsigned row, col, row2, col2;
    double number;
    char* text;
} Item;

static Item* items;
static size_t n_items, cap_items;

static char* unescape(char* s) {
    char *r = s, *w = s;
    while (*r) {
        if (*r == '\\' && r[1]) {
            ++r;
            *w++ = *r == 't' ? '\t' : *r == 'n' ? '\n' : *r;
            ++r;
        } else {
            *w++ = *r++;
        }
    }
    *w = 0;
    return s;
}

static void load(const char* path) {
    FILE* f = fopen(path, "rb");
    if (!f) { perror(path); exit(1); }
    size_t cap = 1 << 16;
    char* line = malloc(cap);
    size_t len = 0;
    int ch;
    for (;;) {
        len = 0;
        while ((ch = fgetc(f)) != EOF && ch != '\n') {
            if (len + 1 >= cap) line = realloc(line, cap *= 2);
            line[len++] = (char)ch;
        }
        if (ch == EOF && len == 0) break;
        line[len] = 0;
        if (n_items == cap_items) items = realloc(items, (cap_items = cap_items ? cap_items * 2 : 4096) * sizeof(Item));
        Item* it = &items[n_items];
        memset(it, 0, sizeof *it);
        char* fields[7] = {0};
        int n = 0;
        char* p = line;
        fields[n++] = p;
        while (*p && n < 7) {
            if (*p == '\t') { *p = 0; fields[n++] = p + 1; }
            ++p;
        }
        it->kind = fields[0][0];
        switch (it->kind) {
            case 'S': it->text = strdup(unescape(fields[1])); break;
            case 'T': it->row = atoi(fields[1]); it->col = atoi(fields[2]); it->text = strdup(unescape(fields[3] ? fields[3] : "")); break;
            case 'N':
            case 'F': it->row = atoi(fields[1]); it->col = atoi(fields[2]); it->number = strtod(fields[3], NULL); break;
            case 'M':
                it->row = atoi(fields[1]); it->col = atoi(fields[2]); it->row2 = atoi(fields[3]); it->col2 = atoi(fields[4]);
                it->text = strdup(unescape(fields[5] ? fields[5] : ""));
                break;
            default: continue;
        }
        ++n_items;
        if (ch == EOF) break;
    }
    free(line);
    fclose(f);
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char** argv) {
    if (argc != 3) { fprintf(stderr, "usage: raw_writer REPLAY OUT.xlsx\n"); return 2; }
    load(argv[1]);
    double t0 = now();
    clock_t c0 = clock();
    lxw_workbook_options opt = {0};
    opt.constant_memory = LXW_TRUE;
    lxw_workbook* wb = workbook_new_opt(argv[2], &opt);
    /* The kinds of formats a report uses: text, amounts, the bold total row, the title. */
    lxw_format* text = workbook_add_format(wb);
    format_set_font_name(text, "宋体");
    format_set_border(text, LXW_BORDER_THIN);
    format_set_text_wrap(text);
    format_set_align(text, LXW_ALIGN_VERTICAL_CENTER);
    lxw_format* num = workbook_add_format(wb);
    format_set_font_name(num, "宋体");
    format_set_border(num, LXW_BORDER_THIN);
    format_set_num_format(num, "#,##0.00");
    format_set_align(num, LXW_ALIGN_RIGHT);
    lxw_format* total = workbook_add_format(wb);
    format_set_font_name(total, "宋体");
    format_set_border(total, LXW_BORDER_THIN);
    format_set_bold(total);
    format_set_num_format(total, "#,##0.00");
    lxw_format* title = workbook_add_format(wb);
    format_set_font_name(title, "宋体");
    format_set_font_size(title, 18);
    format_set_bold(title);
    format_set_align(title, LXW_ALIGN_CENTER);

    lxw_worksheet* ws = NULL;
    unsigned long cells = 0;
    for (size_t i = 0; i < n_items; ++i) {
        Item* it = &items[i];
        switch (it->kind) {
            case 'S':
                ws = workbook_add_worksheet(wb, it->text);
                worksheet_set_column(ws, 0, 20, 12, NULL);
                break;
            case 'T': worksheet_write_string(ws, it->row, (lxw_col_t)it->col, it->text, text); ++cells; break;
            case 'N': worksheet_write_number(ws, it->row, (lxw_col_t)it->col, it->number, num); ++cells; break;
            case 'F':
                worksheet_write_formula_num(ws, it->row, (lxw_col_t)it->col, "=SUBTOTAL(9,F6:F100000)", total, it->number);
                ++cells;
                break;
            case 'M':
                worksheet_merge_range(ws, it->row, (lxw_col_t)it->col, it->row2, (lxw_col_t)it->col2, it->text,
                                      it->row == 0 ? title : total);
                cells += (unsigned long)(it->row2 - it->row + 1) * (it->col2 - it->col + 1);
                break;
        }
    }
    lxw_error e = workbook_close(wb);
    if (e) { fprintf(stderr, "raw_writer: %s\n", lxw_strerror(e)); return 1; }
    printf("raw_wall=%.3f raw_cpu=%.3f raw_cells=%lu\n", now() - t0, (double)(clock() - c0) / CLOCKS_PER_SEC, cells);
    return 0;
}
