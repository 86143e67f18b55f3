import CGtk

/// Holds a Swift closure for the lifetime of a GLib signal connection or source.
///
/// `Unmanaged.passRetained` hands one reference to GLib; the `GClosureNotify` (or
/// `GDestroyNotify`) GLib calls when the handler is disconnected or the object is disposed
/// releases it. Nothing else keeps the closure alive.
final class ClosureBox<Body> {
    let body: Body
    init(_ body: Body) { self.body = body }

    /// A +1 pointer for GLib's `user_data`.
    func retainedPointer() -> gpointer { Unmanaged.passRetained(self).toOpaque() }

    /// The box behind a `user_data` pointer, without changing its retain count.
    static func from(_ pointer: gpointer?) -> ClosureBox<Body> {
        Unmanaged<ClosureBox<Body>>.fromOpaque(pointer!).takeUnretainedValue()
    }
}

/// Releases a box handed to GLib by ``ClosureBox/retainedPointer()`` (a `GClosureNotify`).
let releaseBoxNotify: GClosureNotify = { data, _ in
    guard let data else { return }
    Unmanaged<AnyObject>.fromOpaque(data).release()
}

/// Releases a box handed to GLib by ``ClosureBox/retainedPointer()`` (a `GDestroyNotify`).
let releaseBoxDestroyNotify: GDestroyNotify = { data in
    guard let data else { return }
    Unmanaged<AnyObject>.fromOpaque(data).release()
}

/// A handler connected to a GObject signal; ``disconnect()`` removes it early.
///
/// Handlers are removed automatically when the object is disposed, so keeping this value is
/// only needed to disconnect before that.
@MainActor
public struct SignalConnection {
    let instance: gpointer
    let handlerID: gulong

    /// Removes the handler (and releases its closure).
    public func disconnect() {
        if g_signal_handler_is_connected(instance, handlerID) != 0 {
            g_signal_handler_disconnect(instance, handlerID)
        }
    }
}

extension Signals {
    /// Runs `body` whenever the GObject property `property` of `widget` changes (`notify::`).
    @discardableResult
    public static func onNotify(_ widget: Widget, _ property: String,
                                _ body: @escaping @MainActor () -> Void) -> SignalConnection {
        connectWithPointer(widget.pointer, "notify::\(property)") { _ in body() }
    }
}

/// Connecting Swift closures to GObject signals through `g_signal_connect_data`.
///
/// Each signal shape has one `@convention(c)` trampoline that finds the closure box in
/// `user_data` and calls the closure. GTK emits signals on the main thread only, which is
/// what `MainActor.assumeIsolated` asserts.
@MainActor
public enum Signals {
    /// `void handler(GObject *self, gpointer user_data)`: clicked, activate, changed, toggled, map.
    @discardableResult
    static func connect(_ instance: gpointer, _ signal: String, after: Bool = false,
                        _ body: @escaping @MainActor () -> Void) -> SignalConnection {
        let trampoline: @convention(c) (gpointer?, gpointer?) -> Void = { _, data in
            let box = ClosureBox<@MainActor () -> Void>.from(data)
            MainActor.assumeIsolated { box.body() }
        }
        return connectRaw(instance, signal, unsafeBitCast(trampoline, to: GCallback.self),
                          ClosureBox(body), after: after)
    }

    /// `gboolean handler(GObject *self, gpointer user_data)`: close-request.
    @discardableResult
    static func connectReturningBool(_ instance: gpointer, _ signal: String,
                                     _ body: @escaping @MainActor () -> Bool) -> SignalConnection {
        let trampoline: @convention(c) (gpointer?, gpointer?) -> gboolean = { _, data in
            let box = ClosureBox<@MainActor () -> Bool>.from(data)
            return MainActor.assumeIsolated { box.body() } ? 1 : 0
        }
        return connectRaw(instance, signal, unsafeBitCast(trampoline, to: GCallback.self), ClosureBox(body))
    }

    /// `void handler(GObject *self, gpointer arg, gpointer user_data)`: notify::*, row-activated,
    /// begin-print.
    @discardableResult
    static func connectWithPointer(_ instance: gpointer, _ signal: String,
                                   _ body: @escaping @MainActor (gpointer?) -> Void) -> SignalConnection {
        let trampoline: @convention(c) (gpointer?, gpointer?, gpointer?) -> Void = { _, argument, data in
            let box = ClosureBox<@MainActor (gpointer?) -> Void>.from(data)
            MainActor.assumeIsolated { box.body(argument) }
        }
        return connectRaw(instance, signal, unsafeBitCast(trampoline, to: GCallback.self), ClosureBox(body))
    }

    /// `void handler(GObject *self, gint value, gpointer user_data)`: response.
    @discardableResult
    static func connectWithInt(_ instance: gpointer, _ signal: String,
                               _ body: @escaping @MainActor (Int32) -> Void) -> SignalConnection {
        let trampoline: @convention(c) (gpointer?, gint, gpointer?) -> Void = { _, value, data in
            let box = ClosureBox<@MainActor (Int32) -> Void>.from(data)
            MainActor.assumeIsolated { box.body(value) }
        }
        return connectRaw(instance, signal, unsafeBitCast(trampoline, to: GCallback.self), ClosureBox(body))
    }

    /// `void handler(GObject *self, gpointer arg, gint value, gpointer user_data)`: draw-page.
    @discardableResult
    static func connectWithPointerAndInt(_ instance: gpointer, _ signal: String,
                                         _ body: @escaping @MainActor (gpointer?, Int32) -> Void) -> SignalConnection {
        let trampoline: @convention(c) (gpointer?, gpointer?, gint, gpointer?) -> Void = { _, argument, value, data in
            let box = ClosureBox<@MainActor (gpointer?, Int32) -> Void>.from(data)
            MainActor.assumeIsolated { box.body(argument, value) }
        }
        return connectRaw(instance, signal, unsafeBitCast(trampoline, to: GCallback.self), ClosureBox(body))
    }

    /// `gboolean handler(GtkEventControllerKey *self, guint keyval, guint keycode,
    /// GdkModifierType state, gpointer user_data)`: key-pressed.
    @discardableResult
    static func connectKeyPressed(_ instance: gpointer,
                                  _ body: @escaping @MainActor (UInt32, GdkModifierType) -> Bool) -> SignalConnection {
        let trampoline: @convention(c) (gpointer?, guint, guint, GdkModifierType, gpointer?) -> gboolean = {
            _, keyval, _, state, data in
            let box = ClosureBox<@MainActor (UInt32, GdkModifierType) -> Bool>.from(data)
            return MainActor.assumeIsolated { box.body(keyval, state) } ? 1 : 0
        }
        return connectRaw(instance, "key-pressed", unsafeBitCast(trampoline, to: GCallback.self), ClosureBox(body))
    }

    /// `void handler(GtkGestureClick *self, gint n_press, gdouble x, gdouble y, gpointer
    /// user_data)`: pressed.
    @discardableResult
    static func connectClickPressed(_ instance: gpointer, _ body: @escaping @MainActor () -> Void) -> SignalConnection {
        let trampoline: @convention(c) (gpointer?, gint, gdouble, gdouble, gpointer?) -> Void = { _, _, _, _, data in
            let box = ClosureBox<@MainActor () -> Void>.from(data)
            MainActor.assumeIsolated { box.body() }
        }
        return connectRaw(instance, "pressed", unsafeBitCast(trampoline, to: GCallback.self), ClosureBox(body))
    }

    private static func connectRaw<Body>(_ instance: gpointer, _ signal: String, _ callback: GCallback,
                                         _ box: ClosureBox<Body>, after: Bool = false) -> SignalConnection {
        let id = g_signal_connect_data(instance, signal, callback, box.retainedPointer(), releaseBoxNotify,
                                       after ? G_CONNECT_AFTER : GConnectFlags(rawValue: 0))
        precondition(id != 0, "GtkKit: no signal '\(signal)' on \(String(cString: nhi_object_type_name(instance)))")
        return SignalConnection(instance: instance, handlerID: id)
    }
}

extension OpaquePointer {
    /// The pointer as GLib's `gpointer`, for objects of types Swift imports as opaque
    /// (`GtkPrintContext`, `GtkEventController`, `GtkFileChooserNative`, …).
    var gpointer: UnsafeMutableRawPointer { UnsafeMutableRawPointer(self) }
}
