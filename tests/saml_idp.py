"""A SAML 2.0 identity provider for the tests, built with pysaml2's own IdP (saml2.server.Server):
the real counterpart of Rödtråd's service provider. It has its own key and certificate, publishes
metadata the way a federation would list it, reads Rödtråd's AuthnRequest and issues responses
with a signed assertion (or, when a test asks, an unsigned one)."""

import base64
import datetime
from pathlib import Path

import saml2
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from saml2.config import IdPConfig
from saml2.metadata import create_metadata_string
from saml2.saml import NAME_FORMAT_URI, NAMEID_FORMAT_TRANSIENT, NameID
from saml2.server import Server

ENTITY_ID = "https://idp.test.example.se/saml"
HSA_ID = "urn:oid:1.2.752.29.6.2.1"  # employeeHsaId
LOA3 = "http://id.elegnamnden.se/loa/1.0/loa3"
XMLSEC = "/usr/bin/xmlsec1"


def key_and_certificate(directory: Path, name: str) -> tuple[str, str]:
    """A new RSA key and a self-signed certificate for it, as PEM files."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_path, cert_path = directory / f"{name}.key", directory / f"{name}.crt"
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return str(key_path), str(cert_path)


class IdentityProvider:
    def __init__(self, directory: Path):
        self.directory = directory
        self.key_file, self.cert_file = key_and_certificate(directory, "idp")
        self.sso_url = f"{ENTITY_ID}/sso/redirect"
        self.metadata_file = directory / "idp-metadata.xml"
        self.metadata_file.write_bytes(create_metadata_string(None, self._config(), valid=24 * 30))
        self.server = None

    def _config(self, sp_metadata_file=None):
        config = {
            "entityid": ENTITY_ID,
            "xmlsec_binary": XMLSEC,
            "key_file": self.key_file,
            "cert_file": self.cert_file,
            "allow_unknown_attributes": True,
            "service": {
                "idp": {
                    "name": "Testfederationens IdP",
                    "endpoints": {"single_sign_on_service": [(self.sso_url, saml2.BINDING_HTTP_REDIRECT)]},
                    "name_id_format": [NAMEID_FORMAT_TRANSIENT],
                    "policy": {"default": {"lifetime": {"minutes": 15}, "name_form": NAME_FORMAT_URI}},
                }
            },
        }
        if sp_metadata_file:
            config["metadata"] = {"local": [str(sp_metadata_file)]}
        loaded = IdPConfig()
        loaded.load(config)
        return loaded

    def trust(self, sp_metadata: bytes):
        """Take in the service provider's metadata, as a federation's metadata would list it."""
        path = self.directory / "sp-metadata.xml"
        path.write_bytes(sp_metadata)
        self.server = Server(config=self._config(path))

    def read_request(self, saml_request: str):
        return self.server.parse_authn_request(saml_request, saml2.BINDING_HTTP_REDIRECT)

    def response(self, request, attributes: dict, *, class_ref=LOA3, signed=True) -> str:
        """The base64 SAMLResponse for Rödtråd's request, as the IdP posts it to the ACS."""
        message = request.message
        response = self.server.create_authn_response(
            identity=attributes,
            in_response_to=message.id,
            destination=message.assertion_consumer_service_url,
            sp_entity_id=message.issuer.text,
            name_id=NameID(format=NAMEID_FORMAT_TRANSIENT, text="c2e0a6f1b7d94e"),
            authn={"class_ref": class_ref, "authn_auth": ENTITY_ID},
            sign_assertion=signed,
            sign_response=False,
        )
        return base64.b64encode(str(response).encode()).decode()
