#ifndef NHI_CGTK_SHIM_H
#define NHI_CGTK_SHIM_H
#include <gtk/gtk.h>
#include <glib-unix.h>
#endif
