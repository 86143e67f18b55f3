#ifndef NHI_CQRENCODE_SHIM_H
#define NHI_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
