//! The HTTP/1.1 server loop of `cancu serve`, on hyper directly so that connections are
//! bounded: each connection must send its header block within
//! [`ServerLimits::header_read_timeout`] (hyper's `header_read_timeout`, which also times out
//! an idle kept-alive connection), and at most [`ServerLimits::max_connections`] are open at
//! once — past that the loop stops accepting until one closes, so idle or slow clients can
//! never use up the process's descriptors. Requests are then served by the axum [`Router`]
//! (request timeouts, body limits and the CPU-bound work bound live there, see `routes` and
//! `state`). On shutdown the listener closes and open connections get a grace period.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// The connection bounds of [`serve`].
#[derive(Debug, Clone, Copy)]
pub struct ServerLimits {
    pub header_read_timeout: Duration,
    pub max_connections: usize,
    /// How long open connections may finish after shutdown is asked for.
    pub grace: Duration,
}

impl Default for ServerLimits {
    /// [`super::limits::HEADER_READ_TIMEOUT`] and [`super::limits::max_connections`].
    fn default() -> Self {
        ServerLimits {
            header_read_timeout: super::limits::HEADER_READ_TIMEOUT,
            max_connections: super::limits::max_connections(),
            grace: Duration::from_secs(10),
        }
    }
}

/// Serves `app` on `listener` until `shutdown` completes.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: ServerLimits,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    let mut builder = http1::Builder::new();
    builder.timer(TokioTimer::new()).header_read_timeout(limits.header_read_timeout).keep_alive(true);
    loop {
        // A free slot first, then a connection: at the cap, connections wait in the kernel.
        let slot = tokio::select! {
            s = slots.clone().acquire_owned() => s.expect("the semaphore is never closed"),
            _ = &mut shutdown => break,
        };
        let stream = tokio::select! {
            r = listener.accept() => match r {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of descriptors or a connection reset before accept: wait, go on.
                    eprintln!("cancu serve: accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let conn = builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(app.clone()));
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            // Errors here are the client's (a timeout, a reset): nothing to report.
            let _ = conn.await;
            drop(slot);
        });
    }
    drop(listener);
    tokio::select! {
        _ = graceful.shutdown() => {}
        _ = tokio::time::sleep(limits.grace) => {}
    }
    Ok(())
}
