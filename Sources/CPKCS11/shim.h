#ifndef NHI_CPKCS11_SHIM_H
#define NHI_CPKCS11_SHIM_H
/* The PKCS#11 v2.40 header from p11-kit. The module itself (libHicos_p11.so in production,
   SoftHSM2 in tests) is loaded at run time with dlopen, never linked. */
#include <p11-kit/pkcs11.h>
#include <dlfcn.h>
#endif
