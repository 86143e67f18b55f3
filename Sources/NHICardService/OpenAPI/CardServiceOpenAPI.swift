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
          "Problem": {"description": "Refused: another origin or host (403), a method the path does not take (405, with Allow), too many requests (429, with Retry-After).",
                      "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
        },
        "schemas": {
          "Problem": {
            "type": "object", "required": ["status", "code", "message", "messageEn"],
            "properties": {"status": {"type": "integer"}, "code": {"type": "string"}, "message": {"type": "string"}, "messageEn": {"type": "string"}}
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
