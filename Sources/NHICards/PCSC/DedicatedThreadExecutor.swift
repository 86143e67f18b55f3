import Foundation

/// A serial executor that runs its jobs on one thread of its own.
///
/// A pcsc-lite context and the card handles made from it are not thread-safe, so
/// ``PCSCContext`` and ``CardConnection`` are actors whose executor is the process-wide
/// ``pcsc`` thread: calls are serialised without locks, and blocking C calls never occupy
/// Swift's cooperative thread pool. (``CardEvents`` waits in `SCardGetStatusChange` on a
/// thread and context of its own, so waiting for events never delays a transmit.) PKCS#11
/// calls, which can take a second on a real card, run on the ``pkcs11`` thread.
final class DedicatedThreadExecutor: SerialExecutor, @unchecked Sendable {
    /// The process-wide PC/SC thread.
    static let pcsc = DedicatedThreadExecutor(name: "nhi.pcsc")
    /// The process-wide PKCS#11 thread.
    static let pkcs11 = DedicatedThreadExecutor(name: "nhi.pkcs11")

    private let condition = NSCondition()
    private enum Work {
        case job(UnownedJob)
        case closure(@Sendable () -> Void)
    }

    private var queue: [Work] = []
    private var running: [Work] = []
    private var thread: Thread?

    init(name: String) {
        let thread = Thread { [unowned self] in self.runLoop() }
        thread.name = name
        thread.stackSize = 1 << 20
        self.thread = thread
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        submit(.job(UnownedJob(job)))
    }

    /// Runs `body` on this executor's thread and returns when it has run (used by `deinit`s
    /// that must release handles on the thread that owns them). Waiting matters: a process
    /// that exits right after dropping its last context would otherwise race pcsc-lite's
    /// exit-time clean-up against a release still queued here, and crash.
    func executeAndWait(_ body: @escaping @Sendable () -> Void) {
        if Thread.current === thread {
            body()
            return
        }
        let done = DispatchSemaphore(value: 0)
        submit(.closure {
            body()
            done.signal()
        })
        done.wait()
    }

    private func submit(_ work: Work) {
        condition.lock()
        queue.append(work)
        condition.signal()
        condition.unlock()
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor { UnownedSerialExecutor(ordinary: self) }

    private func runLoop() {
        while true {
            condition.lock()
            while queue.isEmpty { condition.wait() }
            swap(&queue, &running)
            condition.unlock()
            for work in running {
                switch work {
                case .job(let job): job.runSynchronously(on: asUnownedSerialExecutor())
                case .closure(let body): body()
                }
            }
            running.removeAll(keepingCapacity: true)
        }
    }
}
