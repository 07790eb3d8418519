#!/usr/bin/env node
import { createWatchdogApp } from '../lib/watchdog-app';

createWatchdogApp();
