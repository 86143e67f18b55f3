/// The card service's OpenAPI 3.1 document, served at `GET /openapi.json`
/// (a test checks that it names exactly the routes the router has).
public enum CardServiceOpenAPI {
    /// The document.
    public static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "nhi card serve",
        "version": "1",
        "description": "The card readers of this PC as a local service for browser-based payroll and HR systems. Loopback only; web pages only from the origins the administrator allowed (--allow-origin); every other origin gets 403. Reader states: empty, nhi_card, certificate_card, unsupported_card, mute, error; status pcsc_unavailable while pcscd is down (the service recovers by itself)."
      },
      "paths": {
        "/readers": {
          "get": {
            "operationId": "readers",
            "summary": "Every reader and what it holds; an NHI card's identity as `nhi card read --json` gives it.",
            "responses": {
              "200": {"description": "The readers.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ReadersSnapshot"}}}},
              "403": {"$ref": "#/components/responses/Problem"},
              "429": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/events": {
          "get": {
            "operationId": "events",
            "summary": "Server-Sent Events: `snapshot` (a ReadersSnapshot), then readerAdded, readerRemoved, cardInserted (with the card, read once), cardRemoved, cardMute, serviceUnavailable, serviceAvailable (each a CardServiceEvent); a `: keep-alive` comment every 15 s.",
            "responses": {
              "200": {"description": "The event stream.", "content": {"text/event-stream": {"schema": {"type": "string"}}}},
              "403": {"$ref": "#/components/responses/Problem"},
              "429": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/ws": {
          "get": {
            "operationId": "webSocket",
            "summary": "A WebSocket (RFC 6455) with the events of /events, one JSON text message each: first {\"event\": \"snapshot\", \"status\", \"readers\"}, then each CardServiceEvent. Origin is checked as for every route (browsers apply no CORS to WebSockets). Messages from the page are ignored.",
            "responses": {
              "101": {"description": "Switching to the WebSocket protocol."},
              "403": {"$ref": "#/components/responses/Problem"},
              "426": {"$ref": "#/components/responses/Problem"},
              "429": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/certificates": {
          "get": {
            "operationId": "certificates",
            "summary": "Each certificate card's certificates, as read at insertion (no PIN): slot, kind from the issuer, serial number, subject, validity, DER (base64).",
            "responses": {
              "200": {"description": "The certificate cards.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CertificatesReport"}}}},
              "403": {"$ref": "#/components/responses/Problem"},
              "429": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/sign": {
          "post": {
            "operationId": "sign",
            "summary": "Signs the challenge with the certificate card's key (RSA PKCS#1 v1.5, SHA-256) after the PIN is typed at this PC — never sent by the page. One signature at a time.",
            "requestBody": {
              "required": true,
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SignRequest"}}}
            },
            "responses": {
              "200": {"description": "The signature and the certificate to verify it with.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SignResult"}}}},
              "400": {"$ref": "#/components/responses/Problem"},
              "403": {"$ref": "#/components/responses/Problem"},
              "404": {"$ref": "#/components/responses/Problem"},
              "408": {"$ref": "#/components/responses/Problem"},
              "409": {"$ref": "#/components/responses/Problem"},
              "413": {"$ref": "#/components/responses/Problem"},
              "422": {"$ref": "#/components/responses/Problem"},
              "423": {"$ref": "#/components/responses/Problem"},
              "429": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/openapi.json": {
          "get": {
            "operationId": "openapi",
            "summary": "This document.",
            "responses": {
              "200": {"description": "The OpenAPI document.", "content": {"application/json": {"schema": {"type": "object"}}}},
              "403": {"$ref": "#/components/responses/Problem"}
            }
          }
        }
      },
      "components": {
        "responses": {
          "Problem": {"description": "Refused: another origin or host (403), a method the path does not take (405, with Allow), too many requests (429, with Retry-After); for POST /sign also a bad body (400), refused at this PC or signing disabled — no terminal to type a PIN, or --no-signing (403), no such reader or certificate (404), nobody typed the PIN in time (408), no certificate card or another signature pending (409), a wrong PIN (422: pin.incorrect, userCode 9039, remainingTries), a locked card (423: pin.locked, 9043).",
                      "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
        },
        "schemas": {
          "Problem": {
            "type": "object", "required": ["status", "code", "message", "messageEn"],
            "properties": {"status": {"type": "integer"}, "code": {"type": "string"}, "message": {"type": "string"}, "messageEn": {"type": "string"},
                           "userCode": {"type": ["integer", "null"]}, "remainingTries": {"type": ["integer", "null"]}}
          },
          "SignRequest": {
            "type": "object", "required": ["reader", "challenge"],
            "properties": {
              "reader": {"type": "string", "description": "The reader holding the certificate card (GET /readers)."},
              "challenge": {"type": "string", "contentEncoding": "base64", "minLength": 4, "maxLength": 5464,
                            "pattern": "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
                            "description": "The bytes to sign, base64, 1 to 4096 bytes."},
              "serialNumber": {"type": ["string", "null"], "description": "The certificate whose key signs (GET /certificates); the card's signing certificate when absent."}
            }
          },
          "SignResult": {
            "type": "object", "required": ["reader", "serialNumber", "algorithm", "signature", "certificate"],
            "properties": {
              "reader": {"type": "string"}, "serialNumber": {"type": "string"}, "algorithm": {"type": "string", "const": "RSASSA-PKCS1-v1_5-SHA256"},
              "signature": {"type": "string", "contentEncoding": "base64"}, "certificate": {"type": "string", "contentEncoding": "base64", "description": "DER."}
            }
          },
          "CertificatesReport": {
            "type": "object", "required": ["cards"],
            "properties": {
              "cards": {"type": "array", "items": {
                "type": "object", "required": ["reader", "cardNumber", "certificates"],
                "properties": {
                  "reader": {"type": "string"}, "cardNumber": {"type": "string"},
                  "certificates": {"type": "array", "items": {
                    "type": "object", "required": ["slot", "signing", "serialNumber", "subject", "issuer", "notBefore", "notAfter", "der"],
                    "properties": {
                      "slot": {"type": "string", "enum": ["user2", "user1", "issuingCA", "rootCA"]}, "signing": {"type": "boolean"},
                      "kind": {"type": ["string", "null"]}, "serialNumber": {"type": "string"}, "subject": {"type": "string"}, "issuer": {"type": "string"},
                      "notBefore": {"type": "string"}, "notAfter": {"type": "string"}, "idLastFour": {"type": ["string", "null"]},
                      "ubn": {"type": ["string", "null"]}, "der": {"type": "string", "contentEncoding": "base64"}
                    }
                  }}
                }
              }}
            }
          },
          "ReaderState": {"type": "string", "enum": ["empty", "nhi_card", "certificate_card", "unsupported_card", "mute", "error"]},
          "ReadersSnapshot": {
            "type": "object", "required": ["status", "readers"],
            "properties": {
              "status": {"type": "string", "enum": ["ok", "pcsc_unavailable"]},
              "readers": {"type": "array", "items": {"$ref": "#/components/schemas/ReaderReport"}}
            }
          },
          "ReaderReport": {
            "type": "object", "required": ["name", "state"],
            "properties": {"name": {"type": "string"}, "state": {"$ref": "#/components/schemas/ReaderState"}, "card": {"$ref": "#/components/schemas/CardReport"}}
          },
          "CardServiceEvent": {
            "type": "object", "required": ["event", "time"],
            "properties": {
              "event": {"type": "string", "enum": ["readerAdded", "readerRemoved", "cardInserted", "cardRemoved", "cardMute", "serviceUnavailable", "serviceAvailable"]},
              "time": {"type": "string", "format": "date-time"},
              "reader": {"type": "string"},
              "state": {"$ref": "#/components/schemas/ReaderState"},
              "card": {"$ref": "#/components/schemas/CardReport"}
            }
          },
          "CardReport": {
            "type": "object",
            "required": ["reader", "atr", "cardType", "cardNumber", "name", "id", "birthDate", "sex", "issueDate", "atrRecognised"],
            "properties": {
              "reader": {"type": "string"},
              "atr": {"type": ["string", "null"]},
              "cardType": {"type": "string", "enum": ["nhi", "citizenCertificate", "healthcareProfessional", "certificate", "unknown"]},
              "cardNumber": {"type": ["string", "null"]},
              "name": {"type": ["string", "null"]},
              "id": {"type": ["string", "null"], "description": "National ID or resident number, in full: it reaches allowed origins only."},
              "birthDate": {"type": ["string", "null"], "format": "date"},
              "sex": {"type": ["string", "null"], "enum": ["M", "F", null]},
              "issueDate": {"type": ["string", "null"], "format": "date"},
              "atrRecognised": {"type": "boolean"},
              "birthDateROC": {"type": "string", "pattern": "^[0-9]{7}$"},
              "nameTruncated": {"type": "boolean"},
              "certificate": {
                "type": "object",
                "properties": {
                  "kind": {"type": ["string", "null"]}, "serialNumber": {"type": "string"}, "issuer": {"type": "string"},
                  "notBefore": {"type": "string"}, "notAfter": {"type": "string"}, "idLastFour": {"type": ["string", "null"]},
                  "ubn": {"type": ["string", "null"]}, "organisationCode": {"type": ["string", "null"]}
                }
              },
              "error": {
                "type": "object", "required": ["code", "message", "messageEn"],
                "properties": {
                  "code": {"type": "string"}, "userCode": {"type": ["integer", "null"]}, "message": {"type": "string"},
                  "messageEn": {"type": "string"}, "pcsc": {"type": ["string", "null"]}, "statusWord": {"type": ["string", "null"]}
                }
              }
            }
          }
        }
      }
    }
    """#
}
