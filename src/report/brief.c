/* SPDX-License-Identifier: MIT */
/*
 * PDF rendering of the site brief (see brief.h) on A4 pages: a heading, the
 * needs searched and the province's contact, a block per zone (facts
 * table, contact, finder reasons, sources) and a location sketch with the units' centroids as the
 * frame. Text goes through pango so marks and Hangul are shaped; fonts come from the machine
 * (DejaVu for Latin and Vietnamese, Nanum for Korean).
 */
#include "report/brief.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#define PAGE_W   595.28 /* A4 in points */
#define PAGE_H   841.89
#define MARGIN   48.0
#define TEXT_W   (PAGE_W - 2 * MARGIN)
#define SKETCH_H 190.0

struct pen {
    cairo_t *cr;
    PangoContext *ctx; /* from a font map owned by this rendering */
    double y;
};

static cairo_status_t write_to_buf(void *closure, const unsigned char *data, unsigned int n)
{
    return buf_append(closure, data, n) ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

/* Draws text at (x, pen->y) wrapped to width; returns its height. */
static double text_at(struct pen *p, double x, double width, const char *text, const char *font,
                      double grey)
{
    PangoLayout *layout = pango_layout_new(p->ctx);
    PangoFontDescription *desc = pango_font_description_from_string(font);
    int w, h;

    pango_layout_set_font_description(layout, desc);
    pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(layout, text, -1);
    cairo_set_source_rgb(p->cr, grey, grey, grey);
    cairo_move_to(p->cr, x, p->y);
    pango_cairo_show_layout(p->cr, layout);
    pango_layout_get_size(layout, &w, &h);
    pango_font_description_free(desc);
    g_object_unref(layout);
    return (double)h / PANGO_SCALE;
}

static void new_page_if(struct pen *p, double need)
{
    if (p->y + need <= PAGE_H - MARGIN)
        return;
    cairo_show_page(p->cr);
    p->y = MARGIN;
}

static void line(struct pen *p, const char *text, const char *font, double grey, double gap)
{
    new_page_if(p, 14);
    p->y += text_at(p, MARGIN, TEXT_W, text, font, grey) + gap;
}

static void facts_table(struct pen *p, const struct brief_zone *z)
{
    int i;

    for (i = 0; i < z->nfacts; i++) {
        double h1, h2;
        new_page_if(p, 16);
        h1 = text_at(p, MARGIN, 170, z->facts[i].label, "DejaVu Sans 9", 0.35);
        h2 = text_at(p, MARGIN + 175, TEXT_W - 175, z->facts[i].value, "DejaVu Sans 9", 0.05);
        p->y += (h1 > h2 ? h1 : h2) + 2;
    }
}

/* The sketch: unit centroids as a frame, the zone as a marker (hollow when
 * its position is approximate). */
static void sketch(struct pen *p, const struct brief *b, const struct brief_zone *z)
{
    double minlat = z->lat, maxlat = z->lat, minlon = z->lon, maxlon = z->lon, sx, sy, s;
    double x0 = MARGIN, y0, w = TEXT_W, h = SKETCH_H;
    int i;

    new_page_if(p, SKETCH_H + 30);
    p->y += text_at(p, MARGIN, TEXT_W, b->sketch_label, "DejaVu Sans Bold 9", 0.2) + 4;
    y0 = p->y;
    for (i = 0; i < b->nframe; i++) {
        minlat = b->frame[i].lat < minlat ? b->frame[i].lat : minlat;
        maxlat = b->frame[i].lat > maxlat ? b->frame[i].lat : maxlat;
        minlon = b->frame[i].lon < minlon ? b->frame[i].lon : minlon;
        maxlon = b->frame[i].lon > maxlon ? b->frame[i].lon : maxlon;
    }
    sx = (w - 40) / (maxlon - minlon > 1e-6 ? maxlon - minlon : 1);
    sy = (h - 30) / (maxlat - minlat > 1e-6 ? maxlat - minlat : 1);
    s = sx < sy ? sx : sy;
    cairo_set_source_rgb(p->cr, 0.6, 0.6, 0.6);
    cairo_rectangle(p->cr, x0, y0, w, h);
    cairo_stroke(p->cr);
    for (i = 0; i < b->nframe; i++) {
        double x = x0 + 20 + (b->frame[i].lon - minlon) * s;
        double y = y0 + h - 15 - (b->frame[i].lat - minlat) * s;
        struct pen label = {p->cr, p->ctx, y + 2};
        cairo_set_source_rgb(p->cr, 0.55, 0.55, 0.55);
        cairo_new_path(p->cr);
        cairo_arc(p->cr, x, y, 1.8, 0, 6.2832);
        cairo_fill(p->cr);
        text_at(&label, x + 3, 110, b->frame[i].label, "DejaVu Sans 6", 0.45);
    }
    {
        double x = x0 + 20 + (z->lon - minlon) * s, y = y0 + h - 15 - (z->lat - minlat) * s;
        cairo_set_source_rgb(p->cr, 0.75, 0.1, 0.1);
        cairo_set_line_width(p->cr, 2);
        cairo_new_path(p->cr);
        cairo_arc(p->cr, x, y, z->approximate ? 9 : 5, 0, 6.2832);
        if (z->approximate)
            cairo_stroke(p->cr);
        else
            cairo_fill(p->cr);
        cairo_set_line_width(p->cr, 1);
    }
    p->y = y0 + h + 4;
    if (z->approximate)
        line(p, b->approx_note, "DejaVu Sans Oblique 8", 0.35, 4);
}

static void zone_block(struct pen *p, const struct brief *b, const struct brief_zone *z)
{
    int i;
    char bullet[340];

    new_page_if(p, 120);
    line(p, z->title, "DejaVu Sans Bold 14", 0.05, 2);
    line(p, z->subtitle, "DejaVu Sans 10", 0.3, 2);
    if (z->score[0])
        line(p, z->score, "DejaVu Sans Bold 10", 0.1, 4);
    facts_table(p, z);
    p->y += 2;
    line(p, z->contact, "DejaVu Sans 9", 0.1, 2);
    if (z->summary[0]) {
        p->y += 2;
        line(p, z->summary, "DejaVu Sans 9", 0.1, 2);
    }
    if (z->nreasons) {
        p->y += 4;
        line(p, b->reasons_label, "DejaVu Sans Bold 10", 0.1, 2);
        for (i = 0; i < z->nreasons; i++) {
            snprintf(bullet, sizeof(bullet), "• %s", z->reasons[i]);
            line(p, bullet, "DejaVu Sans 9", 0.1, 1);
        }
    }
    p->y += 4;
    line(p, b->sources_label, "DejaVu Sans Bold 9", 0.1, 1);
    line(p, z->source, "DejaVu Sans 8", 0.3, 1);
    if (z->confidence[0])
        line(p, z->confidence, "DejaVu Sans 8", 0.3, 6);
    if (z->has_position)
        sketch(p, b, z);
    p->y += 18;
}

enum khu_err brief_render_pdf(const struct brief *b, struct buf *out)
{
    cairo_surface_t *surface;
    struct pen p;
    int i;
    cairo_status_t status;

    PangoFontMap *fonts = pango_cairo_font_map_new();

    surface = cairo_pdf_surface_create_for_stream(write_to_buf, out, PAGE_W, PAGE_H);
    p.cr = cairo_create(surface);
    p.ctx = pango_font_map_create_context(fonts);
    pango_cairo_update_context(p.cr, p.ctx);
    p.y = MARGIN;
    line(&p, b->heading, "DejaVu Sans Bold 18", 0.05, 2);
    line(&p, b->generated, "DejaVu Sans 9", 0.4, b->needs[0] || b->promotion[0] ? 6 : 14);
    if (b->needs[0]) {
        line(&p, b->needs_label, "DejaVu Sans Bold 10", 0.1, 1);
        line(&p, b->needs, "DejaVu Sans 9", 0.1, b->promotion[0] ? 4 : 14);
    }
    if (b->promotion[0])
        line(&p, b->promotion, "DejaVu Sans 9", 0.1, 14);
    for (i = 0; i < b->nzones; i++)
        zone_block(&p, b, &b->zones[i]);
    cairo_show_page(p.cr);
    status = cairo_status(p.cr);
    g_object_unref(p.ctx);
    g_object_unref(fonts);
    cairo_destroy(p.cr);
    cairo_surface_finish(surface);
    if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (out->err)
        return out->err;
    return status == CAIRO_STATUS_SUCCESS ? KHU_OK : KHU_EIO;
}
