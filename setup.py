"""docassemble.notonemore: a guided interview for a public campaign to stop one deportation."""
import os

from setuptools import find_namespace_packages, setup

HERE = os.path.abspath(os.path.dirname(__file__))


def read_version() -> str:
    """The version lives in one place: docassemble/notonemore/__init__.py."""
    with open(os.path.join(HERE, "docassemble", "notonemore", "__init__.py"), encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("__version__"):
                return line.split("=", 1)[1].strip().strip("\"'")
    raise RuntimeError("no __version__ in docassemble/notonemore/__init__.py")


setup(
    name="docassemble.notonemore",
    version=read_version(),
    description="Guided interview for a #Not1More campaign against one person's deportation",
    long_description=open(os.path.join(HERE, "README.md"), encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    license="MIT",
    url="https://github.com/notonemore/docassemble-notonemore",
    packages=find_namespace_packages(include=["docassemble.notonemore", "docassemble.notonemore.*"]),
    include_package_data=True,
    package_data={"docassemble.notonemore": ["data/*/*", "data/*/*/*"]},
    install_requires=["holidays>=0.60", "icalendar>=6.0"],
    zip_safe=False,
    python_requires=">=3.10",
)
