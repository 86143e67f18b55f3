#ifndef NHI_CPCSCLITE_SHIM_H
#define NHI_CPCSCLITE_SHIM_H
#include <PCSC/winscard.h>
#include <PCSC/reader.h>

/* SCARD_PCI_T0/T1 and friends are macros; Swift does not import them. */
static inline const SCARD_IO_REQUEST *nhi_pci_t0(void) { return SCARD_PCI_T0; }
static inline const SCARD_IO_REQUEST *nhi_pci_t1(void) { return SCARD_PCI_T1; }
static inline const SCARD_IO_REQUEST *nhi_pci_raw(void) { return SCARD_PCI_RAW; }
#endif
