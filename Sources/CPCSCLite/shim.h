#ifndef NHI_CPCSCLITE_SHIM_H
#define NHI_CPCSCLITE_SHIM_H
/* pcsc-lite's headers, vendored under PCSC/ (BSD licence, notices kept in each file), and
   the library loaded at run time with dlopen — like the PKCS#11 module — so that a program
   linking NHICards (or NHILogin/NHIService, which depend on it) does not link libpcsclite:
   it only needs it installed when it talks to a card. Without it, every call returns
   SCARD_E_NO_SERVICE (CardError pcsc.serviceUnavailable). Swift calls the nhi_SCard…
   wrappers below, never the SCard… declarations. */
#include "PCSC/winscard.h"
#include "PCSC/reader.h"
#include <dlfcn.h>
#include <stddef.h>

static inline void *nhi_pcsc_symbol(const char *name) {
    static void *handle;
    if (handle == NULL) handle = dlopen("libpcsclite.so.1", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) handle = dlopen("libpcsclite.so", RTLD_NOW | RTLD_LOCAL);
    return handle == NULL ? NULL : dlsym(handle, name);
}

/* Whether libpcsclite could be loaded (for diagnostics). */
static inline int nhi_pcsc_available(void) { return nhi_pcsc_symbol("SCardEstablishContext") != NULL; }

#define NHI_PCSC_FORWARD(name, params, args) \
    static inline LONG nhi_##name params { \
        typedef LONG (*nhi_fn_t) params; \
        static nhi_fn_t fn; \
        if (fn == NULL) fn = (nhi_fn_t)nhi_pcsc_symbol(#name); \
        return fn == NULL ? (LONG)SCARD_E_NO_SERVICE : fn args; \
    }

NHI_PCSC_FORWARD(SCardEstablishContext, (DWORD dwScope, LPCVOID pvReserved1, LPCVOID pvReserved2, LPSCARDCONTEXT phContext),
                 (dwScope, pvReserved1, pvReserved2, phContext))
NHI_PCSC_FORWARD(SCardReleaseContext, (SCARDCONTEXT hContext), (hContext))
NHI_PCSC_FORWARD(SCardIsValidContext, (SCARDCONTEXT hContext), (hContext))
NHI_PCSC_FORWARD(SCardConnect, (SCARDCONTEXT hContext, LPCSTR szReader, DWORD dwShareMode, DWORD dwPreferredProtocols,
                                LPSCARDHANDLE phCard, LPDWORD pdwActiveProtocol),
                 (hContext, szReader, dwShareMode, dwPreferredProtocols, phCard, pdwActiveProtocol))
NHI_PCSC_FORWARD(SCardReconnect, (SCARDHANDLE hCard, DWORD dwShareMode, DWORD dwPreferredProtocols, DWORD dwInitialization,
                                  LPDWORD pdwActiveProtocol),
                 (hCard, dwShareMode, dwPreferredProtocols, dwInitialization, pdwActiveProtocol))
NHI_PCSC_FORWARD(SCardDisconnect, (SCARDHANDLE hCard, DWORD dwDisposition), (hCard, dwDisposition))
NHI_PCSC_FORWARD(SCardBeginTransaction, (SCARDHANDLE hCard), (hCard))
NHI_PCSC_FORWARD(SCardEndTransaction, (SCARDHANDLE hCard, DWORD dwDisposition), (hCard, dwDisposition))
NHI_PCSC_FORWARD(SCardStatus, (SCARDHANDLE hCard, LPSTR mszReaderName, LPDWORD pcchReaderLen, LPDWORD pdwState,
                               LPDWORD pdwProtocol, LPBYTE pbAtr, LPDWORD pcbAtrLen),
                 (hCard, mszReaderName, pcchReaderLen, pdwState, pdwProtocol, pbAtr, pcbAtrLen))
NHI_PCSC_FORWARD(SCardGetStatusChange, (SCARDCONTEXT hContext, DWORD dwTimeout, SCARD_READERSTATE *rgReaderStates, DWORD cReaders),
                 (hContext, dwTimeout, rgReaderStates, cReaders))
NHI_PCSC_FORWARD(SCardTransmit, (SCARDHANDLE hCard, const SCARD_IO_REQUEST *pioSendPci, LPCBYTE pbSendBuffer, DWORD cbSendLength,
                                 SCARD_IO_REQUEST *pioRecvPci, LPBYTE pbRecvBuffer, LPDWORD pcbRecvLength),
                 (hCard, pioSendPci, pbSendBuffer, cbSendLength, pioRecvPci, pbRecvBuffer, pcbRecvLength))
NHI_PCSC_FORWARD(SCardListReaders, (SCARDCONTEXT hContext, LPCSTR mszGroups, LPSTR mszReaders, LPDWORD pcchReaders),
                 (hContext, mszGroups, mszReaders, pcchReaders))
NHI_PCSC_FORWARD(SCardCancel, (SCARDCONTEXT hContext), (hContext))

/* SCARD_PCI_T0/T1 are macros over libpcsclite's data symbols; Swift imports neither. The
   structures are constant ({protocol, sizeof}), so they are defined here. */
static inline const SCARD_IO_REQUEST *nhi_pci_t0(void) {
    static const SCARD_IO_REQUEST pci = { SCARD_PROTOCOL_T0, sizeof(SCARD_IO_REQUEST) };
    return &pci;
}
static inline const SCARD_IO_REQUEST *nhi_pci_t1(void) {
    static const SCARD_IO_REQUEST pci = { SCARD_PROTOCOL_T1, sizeof(SCARD_IO_REQUEST) };
    return &pci;
}
static inline const SCARD_IO_REQUEST *nhi_pci_raw(void) {
    static const SCARD_IO_REQUEST pci = { SCARD_PROTOCOL_RAW, sizeof(SCARD_IO_REQUEST) };
    return &pci;
}
#endif
