// The whole SDK in one import: `import NHIKit` gives NHICore, NHIGrades, NHIFormats,
// NHICards, NHILogin, NHIService and NHISignIn. Integrators who want a smaller link (no PC/SC) import
// the modules they need instead; see README's "Which product do I need".
@_exported import NHICards
@_exported import NHICore
@_exported import NHIFormats
@_exported import NHIGrades
@_exported import NHILogin
@_exported import NHIService
@_exported import NHISignIn
