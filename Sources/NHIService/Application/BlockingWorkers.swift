import Foundation

/// A fixed set of threads of the service's own for work that blocks: a store transaction
/// that waits for the write lock (SQLite waits up to 30 s) or for the network (PostgreSQL),
/// and password hashing (PBKDF2).
///
/// Swift's cooperative pool has one thread per core; a blocked one stalls every task of the
/// program. ``NHIService/perform(_:)`` therefore hands the service's synchronous operations
/// to these threads and suspends the caller until they are done. At most ``count``
/// operations run at once; more wait in order of arrival, without holding any thread.
public final class BlockingWorkers: @unchecked Sendable {
    /// How many threads there are.
    public let count: Int
    private let condition = NSCondition()
    private var queue: [@Sendable () -> Void] = []
    private var head = 0
    private var started = 0

    /// A set of `count` threads, started on first use.
    ///
    /// - Parameter count: at least 1; the default (8) lets a server's sessions wait on the
    ///   store side by side, while SQLite still writes one transaction at a time.
    public init(count: Int = 8) {
        self.count = max(1, count)
    }

    private static let marker = "nhi.blockingWorker"

    /// Whether the calling code runs on a thread of some ``BlockingWorkers`` (for checks
    /// and diagnostics: work that may block belongs there, never on the cooperative pool).
    public static var isWorkerThread: Bool { Thread.current.threadDictionary[marker] as? Bool == true }

    /// The workers every service without its own shares.
    public static let shared = BlockingWorkers()

    /// Runs `work` on one of the threads and returns its result; the calling task is
    /// suspended meanwhile, its thread free for other tasks.
    public func run<T: Sendable, Failure: Error>(_ work: @escaping @Sendable () throws(Failure) -> T) async throws(Failure) -> T {
        let result: Result<T, Failure> = await withCheckedContinuation { continuation in
            submit {
                do throws(Failure) {
                    continuation.resume(returning: .success(try work()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }

    private func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        queue.append(job)
        // A new thread only while every started one may be busy.
        let waiting = queue.count - head
        if started < count && waiting > idle {
            started += 1
            let name = "nhi.blocking.\(started)"
            // Named from inside: on Linux a name given before start() is not applied.
            let thread = Thread {  // the threads live as long as the program
                Thread.current.name = name
                Thread.current.threadDictionary[Self.marker] = true
                self.loop()
            }
            thread.start()
        }
        condition.signal()
        condition.unlock()
    }

    private var idle = 0

    private func loop() {
        while true {
            condition.lock()
            while head == queue.count {
                idle += 1
                condition.wait()
                idle -= 1
            }
            let job = queue[head]
            head += 1
            if head > 64 && head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
            condition.unlock()
            job()
        }
    }
}
