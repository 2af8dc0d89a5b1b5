// The peer libraries, bundled by esbuild into target/bench/peer/peer.js (bench/run.sh).
import { decodeJwt, jwtVerify } from 'jose';
import { jwtDecode } from 'jwt-decode';

window.peers = { decodeJwt, jwtVerify, jwtDecode };
document.body.dataset.ready = 'true';
