#ifndef NHI_CPKCS11_SHIM_H
#define NHI_CPKCS11_SHIM_H
/* The PKCS#11 v2.40 header from p11-kit (vendored here: "unlimited permission to copy and/or
   distribute it … as long as this notice is preserved", see pkcs11.h). The module itself
   (libHicos_p11.so in production, SoftHSM2 in tests) is loaded at run time with dlopen, never
   linked — and neither is libp11-kit: only this header is used. */
#include "pkcs11.h"
#include <dlfcn.h>
#endif
