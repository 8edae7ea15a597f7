"""A stand-in NCALayer for the browser journeys: a local WebSocket server speaking NCALayer's protocol
(greeting {result: {version}}, then kz.gov.pki.knca.basics.sign answered with {status, body: {result: [cms]}})
and signing with the test CA's keys (tests/portal/esign_ca.py)."""

import base64
import json
import ssl
import threading

from websockets.sync.server import serve


class StandInNCALayer:
    def __init__(self, signer, *, ssl_context: ssl.SSLContext | None = None):
        self.signer = signer
        self.mode = "sign"  # "sign", "cancel" (the user closes the key dialog) or "expired"
        self.requests: list[dict] = []
        self._server = serve(self._handle, "127.0.0.1", 0, ssl=ssl_context)
        self.port = self._server.socket.getsockname()[1]
        self.url = f"{'wss' if ssl_context else 'ws'}://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def _handle(self, websocket):
        websocket.send(json.dumps({"result": {"version": "1.4"}}))
        for message in websocket:
            request = json.loads(message)
            self.requests.append(request)
            if request.get("module") != "kz.gov.pki.knca.basics" or request.get("method") != "sign":
                websocket.send(json.dumps({"status": False, "code": "500", "message": "unknown method"}))
            elif self.mode == "cancel":
                websocket.send(json.dumps({"status": True, "body": {}}))
            elif self.mode == "expired":
                websocket.send(json.dumps({"status": False, "code": "500", "message": "Срок действия ключа истек",
                                           "details": "certificate expired"}))
            else:
                data = base64.b64decode(request["args"]["data"])  # decode: true — the bytes themselves are signed
                cms = base64.b64encode(self.signer.cms(data)).decode()
                websocket.send(json.dumps({"status": True, "body": {"result": [cms]}}))

    def close(self):
        self._server.shutdown()
        self._thread.join(timeout=5)
