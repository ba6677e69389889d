"""Pieces of tools/optuna_rotation_optimizer.py: parameters, statistics, the worker client."""
