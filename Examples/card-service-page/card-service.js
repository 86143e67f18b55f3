// The example page's logic: one EventSource on the card service, the visitor's card shown
// as it is inserted, a certificate card's signature requested with the PIN typed on the PC.
// Plain browser JavaScript, no build step. `?service=http://127.0.0.1:7780` picks the service.
"use strict";

const service = new URLSearchParams(location.search).get("service") || "http://127.0.0.1:7780";
const statusLabel = document.getElementById("status");
const visitor = document.getElementById("visitor");
const readerList = document.getElementById("readers");
const signing = document.getElementById("signing");

// What the page saw, for the end-to-end test and the benchmark: each event with the time it
// arrived (milliseconds since the epoch, sub-millisecond where the browser allows).
window.cardService = { state: "connecting", events: [], readers: [], signature: null, fingerprint: null };

const stateNames = {
  empty: "空 empty", nhi_card: "健保卡 NHI card", certificate_card: "憑證卡 certificate card",
  unsupported_card: "無法辨識的卡片 unsupported card", mute: "卡片無回應 card not answering", error: "讀取錯誤 read error",
};

// 身分證號只顯示前 6 碼 — an ID is shown as A12345****, never whole.
function maskID(id) {
  return id && id.length > 6 ? id.slice(0, 6) + "*".repeat(id.length - 6) : id || "";
}

function setStatus(state, text) {
  window.cardService.state = state;
  statusLabel.dataset.state = state;
  statusLabel.textContent = text;
}

function row(list, label, value) {
  const term = document.createElement("dt");
  term.textContent = label;
  const detail = document.createElement("dd");
  detail.textContent = value;
  detail.dataset.field = label;
  list.append(term, detail);
}

function showReaders(readers) {
  window.cardService.readers = readers;
  readerList.replaceChildren(...readers.map((reader) => {
    const item = document.createElement("li");
    item.textContent = `${reader.name}：${stateNames[reader.state] || reader.state}`;
    item.dataset.state = reader.state;
    return item;
  }));
  const nhi = readers.find((reader) => reader.state === "nhi_card" && reader.card);
  const certificate = readers.find((reader) => reader.state === "certificate_card" && reader.card);
  showVisitor(nhi ? nhi.card : null);
  showCertificate(certificate || null);
}

function showVisitor(card) {
  visitor.replaceChildren();
  if (!card) {
    visitor.dataset.state = "empty";
    const hint = document.createElement("p");
    hint.textContent = "請插入健保卡 Please insert an NHI card.";
    visitor.append(hint);
    return;
  }
  visitor.dataset.state = "card";
  const list = document.createElement("dl");
  row(list, "姓名 Name", card.name || "");
  row(list, "身分證號 ID", maskID(card.id));
  row(list, "出生日期 Born", card.birthDate || "");
  row(list, "卡號 Card", card.cardNumber || "");
  visitor.append(list);
}

function showCertificate(reader) {
  signing.hidden = !reader;
  signing.dataset.reader = reader ? reader.name : "";
  document.getElementById("holder").textContent = reader ? reader.card.cardNumber : "";
}

const events = new EventSource(service + "/events");
events.addEventListener("snapshot", (message) => {
  const snapshot = JSON.parse(message.data);
  window.cardService.events.push({ event: "snapshot", at: performance.timeOrigin + performance.now() });
  setStatus(snapshot.status === "ok" ? "connected" : "unavailable",
            snapshot.status === "ok" ? "已連線 Connected" : "讀卡服務無法使用 PC/SC is not available");
  showReaders(snapshot.readers);
});
for (const name of ["readerAdded", "readerRemoved", "cardInserted", "cardRemoved", "cardMute", "serviceUnavailable", "serviceAvailable"]) {
  events.addEventListener(name, (message) => {
    const at = performance.timeOrigin + performance.now();
    const event = JSON.parse(message.data);
    window.cardService.events.push({ event: name, reader: event.reader, at });
    if (name === "serviceUnavailable") setStatus("unavailable", "讀卡服務無法使用 PC/SC is not available");
    if (name === "serviceAvailable") setStatus("connected", "已連線 Connected");
    const readers = window.cardService.readers.filter((reader) => reader.name !== event.reader);
    if (name !== "readerRemoved" && event.reader) readers.push({ name: event.reader, state: event.state || "empty", card: event.card });
    readers.sort((a, b) => a.name.localeCompare(b.name));
    showReaders(readers);
  });
}
events.onerror = () => {
  // A refused origin gets 403 without CORS headers: the browser closes the stream for good.
  if (events.readyState === EventSource.CLOSED) setStatus("refused", "無法連線：此網頁的來源未獲准 Refused: this page's origin is not allowed");
};

// The challenge's fingerprint as the service's PIN prompt shows it: the first 8 bytes of its
// SHA-256, in two groups — the person at the PC compares them before typing the PIN.
async function fingerprint(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hex = Array.from(digest.slice(0, 8), (b) => b.toString(16).padStart(2, "0")).join("");
  return hex.slice(0, 8) + " " + hex.slice(8, 16);
}

document.getElementById("sign").addEventListener("click", async () => {
  const challenge = crypto.getRandomValues(new Uint8Array(32));
  const shown = await fingerprint(challenge);
  window.cardService.fingerprint = shown;
  window.cardService.challenge = btoa(String.fromCharCode(...challenge));
  document.getElementById("sign-hint").textContent =
    `請在讀卡電腦上確認指紋 ${shown} 後輸入 PIN 碼 — check the fingerprint ${shown} on the PC, then type the PIN there.`;
  const result = document.getElementById("sign-result");
  result.textContent = "等待 PIN 碼 Waiting for the PIN…";
  const answer = await fetch(service + "/sign", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ reader: signing.dataset.reader, challenge: window.cardService.challenge }),
  });
  const body = await answer.json();
  if (answer.ok) {
    window.cardService.signature = body;
    result.textContent = `已簽章 Signed (${body.algorithm}, ${atob(body.signature).length} bytes)`;
  } else {
    window.cardService.signature = { error: body.code, remainingTries: body.remainingTries };
    result.textContent = `${body.message} — ${body.messageEn}`;
  }
});
